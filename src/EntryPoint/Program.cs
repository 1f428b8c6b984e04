using System.CommandLine;
using Serilog;
var root = new RootCommand("entrypoint");
var o = new Option<string>("--root") { Description = "root dir" };
root.Options.Add(o);
root.SetAction(pr => {
  Log.Logger = new LoggerConfiguration().WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger();
  Log.Information("custom {Root}", pr.GetValue(o));
  Console.WriteLine(Mono.Unix.Native.Syscall.getuid());
  return 0;
});
return root.Parse(args).Invoke();
