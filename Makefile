# site-maintenance: build, test and run everything from here.
# `make help` lists the targets.

DOTNET        ?= dotnet
CONFIGURATION ?= Release
SOLUTION      := SiteMaintenance.slnx
RESULTS       := TestResults
# NativeAOT binaries (make publish-aot): artifacts/aot/operator, artifacts/aot/kubectl-maintenance.
AOT_OUT       := artifacts/aot

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: help demo build test clean publish-aot bench docker-build docker-push install uninstall deploy undeploy manifests rbac-api-use

# The operator's image, with a tag (registry/name:tag); the release pins it in config/manager.
IMG            ?= ghcr.io/site-maintenance/site-maintenance-operator:0.1.0
CONTAINER_TOOL ?= docker
# config/default (all namespaces) or config/namespaced (only the namespaces it lists).
CONFIG         ?= config/default
KUBECTL        ?= kubectl

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-16s %s\n", $$1, $$2}'

# make demo NO_WAIT=1: play the story, then stop (CI). DEMO_ARGS: more flags (DEMO_ARGS=--help lists them).
NO_WAIT   ?=
DEMO_ARGS ?=

demo: ## Run the product on loopback and play its story; stays up until Ctrl-C (NO_WAIT=1: exit when done)
	@scripts/demo-prerequisites.sh
	@echo "Building the demo, the operator, the kubectl plugin and the sample shop..."
	@$(DOTNET) build src/Demo -c $(CONFIGURATION) -nologo -v quiet
	@$(DOTNET) src/Demo/bin/$(CONFIGURATION)/net10.0/SiteMaintenance.Demo.dll $(if $(filter-out 0 false no,$(NO_WAIT)),--no-wait) $(DEMO_ARGS)

build: ## Build the whole solution (warnings are errors)
	$(DOTNET) build $(SOLUTION) -c $(CONFIGURATION) -nologo

test: build ## Build and run every test project (and publish the NativeAOT operator its test runs); prints "N passed, N failed"
	@rm -rf $(RESULTS)
	@# The NativeAOT test (src/Operator.Tests) runs this binary; publishing it here keeps the test
	@# quick (it re-runs the incremental publish). A failure is not fatal here: that test fails and says why.
	@scripts/publish-aot.sh src/Operator/Operator.csproj $(AOT_OUT)/operator \
		|| echo "warning: the NativeAOT operator did not publish; its test will fail and say why" >&2
	@status=0; \
	$(DOTNET) test $(SOLUTION) -c $(CONFIGURATION) --no-build -nologo \
		--logger "trx" --logger "console;verbosity=minimal" --results-directory $(RESULTS) \
		--blame-hang-timeout 5m || status=$$?; \
	scripts/test-summary.sh $(RESULTS) || status=1; \
	exit $$status

publish-aot: ## Publish the operator and the kubectl plugin as NativeAOT binaries into artifacts/aot (needs clang, zlib1g-dev)
	scripts/publish-aot.sh src/Operator/Operator.csproj $(AOT_OUT)/operator
	scripts/publish-aot.sh src/KubectlMaintenance/KubectlMaintenance.csproj $(AOT_OUT)/kubectl-maintenance

bench: ## Measure latency, fan-out, scale and startup (normal and NativeAOT builds); writes bench/results.json
	$(DOTNET) build src/Benchmarks -c $(CONFIGURATION) -nologo
	scripts/publish-aot.sh src/Operator/Operator.csproj $(AOT_OUT)/operator
	$(DOTNET) src/Benchmarks/bin/$(CONFIGURATION)/net10.0/site-maintenance-bench.dll \
		--aot-operator $(AOT_OUT)/operator/site-maintenance-operator --output bench/results.json

clean: ## Remove build output and test results
	$(DOTNET) clean $(SOLUTION) -c $(CONFIGURATION) -nologo >/dev/null
	rm -rf $(RESULTS) artifacts
	find . -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +

##@ Deployment (to the cluster of the current kubeconfig context)

docker-build: ## Build the operator's image as $(IMG) (NativeAOT, chiseled, non-root)
	$(CONTAINER_TOOL) build -t $(IMG) \
		--build-arg VERSION=$(lastword $(subst :, ,$(IMG))) \
		--build-arg REVISION=$$(git rev-parse HEAD 2>/dev/null || echo unknown) \
		--build-arg CREATED=$$(date -u +%Y-%m-%dT%H:%M:%SZ) .

docker-push: ## Push $(IMG)
	$(CONTAINER_TOOL) push $(IMG)

manifests: ## Render $(CONFIG) with the image $(IMG) into dist/install.yaml (offline)
	@$(MAKE) --no-print-directory .deploy-overlay
	@mkdir -p dist
	$(KUBECTL) kustomize config/.deploy > dist/install.yaml

install: ## Install the CRD only
	$(KUBECTL) apply -k config/crd

uninstall: ## Remove the CRD (and with it every SiteMaintenance: bring sites Online first)
	$(KUBECTL) delete -k config/crd --ignore-not-found

deploy: ## Install $(CONFIG) with the image $(IMG) (kubectl apply -k)
	@$(MAKE) --no-print-directory .deploy-overlay
	$(KUBECTL) apply -k config/.deploy

undeploy: ## Remove what deploy installed (bring sites Online first: docs/install.md)
	@$(MAKE) --no-print-directory .deploy-overlay
	$(KUBECTL) delete -k config/.deploy --ignore-not-found

# A throw-away overlay of $(CONFIG) that sets the image to $(IMG) (kustomize needs a
# relative base, and `kubectl kustomize` has no `edit`).
.deploy-overlay:
	@mkdir -p config/.deploy
	@img='$(IMG)'; printf '%s\n' \
		'apiVersion: kustomize.config.k8s.io/v1beta1' 'kind: Kustomization' \
		'resources:' '  - ../$(notdir $(CONFIG))' \
		'images:' '  - name: ghcr.io/site-maintenance/site-maintenance-operator' \
		"    newName: $${img%:*}" "    newTag: \"$${img##*:}\"" > config/.deploy/kustomization.yaml

##@ Least privilege

rbac-api-use: ## Record the operator tests' API requests into src/Packaging.Tests/Rbac/operator-api-use*.txt
	@rm -f .api-use.tmp .api-use.tmp.namespaced
	SITEMAINTENANCE_RECORD_API_USE=$(CURDIR)/.api-use.tmp $(DOTNET) test src/Operator.Tests -c $(CONFIGURATION) -nologo
	@test -s .api-use.tmp || { echo "no requests recorded: the operator tests must call ApiUseFile.AppendRecorded (src/KubeRbac)" >&2; exit 1; }
	@test -s .api-use.tmp.namespaced || { echo "no requests of the namespaced install recorded (src/Operator.Tests/EndToEnd)" >&2; exit 1; }
	@for use in "" .namespaced; do \
		file=src/Packaging.Tests/Rbac/operator-api-use$$(echo $$use | tr . -).txt; \
		{ sed -n '/^#/p' $$file; sort -u .api-use.tmp$$use; } > .api-use.new && mv .api-use.new $$file; \
	done
	@rm -f .api-use.tmp .api-use.tmp.namespaced
	@git --no-pager diff --stat -- src/Packaging.Tests/Rbac/
