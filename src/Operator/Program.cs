Console.Error.WriteLine("site-maintenance operator: not built yet"); return 1;
