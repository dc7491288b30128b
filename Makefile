# site-maintenance: build, test and run everything from here.
# `make help` lists the targets.

DOTNET        ?= dotnet
CONFIGURATION ?= Release
SOLUTION      := SiteMaintenance.slnx
RESULTS       := TestResults

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: help build test clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-16s %s\n", $$1, $$2}'

build: ## Build the whole solution (warnings are errors)
	$(DOTNET) build $(SOLUTION) -c $(CONFIGURATION) -nologo

test: build ## Build and run every test project; prints "N passed, N failed"
	@rm -rf $(RESULTS)
	@status=0; \
	$(DOTNET) test $(SOLUTION) -c $(CONFIGURATION) --no-build -nologo \
		--logger "trx" --logger "console;verbosity=minimal" --results-directory $(RESULTS) \
		--blame-hang-timeout 5m || status=$$?; \
	scripts/test-summary.sh $(RESULTS) || status=1; \
	exit $$status

clean: ## Remove build output and test results
	$(DOTNET) clean $(SOLUTION) -c $(CONFIGURATION) -nologo >/dev/null
	rm -rf $(RESULTS) artifacts
	find . -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
