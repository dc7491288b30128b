Console.Error.WriteLine("kube emulator: not built yet"); return 1;
