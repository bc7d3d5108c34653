using Microsoft.Extensions.FileProviders;

// The ceiling for bench/run.sh: the bytes of a term page served as a static file by Kestrel and
// nothing else (no routing, logging, headers or caching of ours), on the same machine and in the
// same run as the site, so that every case can be reported as a share of what this machine can
// serve at all.
//
//   dotnet Ceiling.dll --folder <folder> --urls http://127.0.0.1:PORT
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var folder = Path.GetFullPath(app.Configuration["folder"] ?? throw new ArgumentException("name the folder to serve: --folder <folder>"));
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder) });
await app.RunAsync();
