using System.Net;
using HotPapers.Publishing.Site;
using HotPapers.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HotPapers.Cli.Serve;

/// <summary>
/// The preview server: Kestrel on 127.0.0.1 answering every site path from <see cref="SiteModel.Get"/>, so each
/// page is computed from the store when asked for and equals the page <c>site build</c> writes. The store's one
/// connection is used by one request at a time.
/// </summary>
internal sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HotPapersStore _store;

    private SiteServer(WebApplication app, HotPapersStore store, Uri address)
    {
        _app = app;
        _store = store;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<SiteServer> StartAsync(string db, int port, TimeProvider clock, TimeZoneInfo zone, SiteOptions options, CancellationToken cancel)
    {
        var store = HotPapersStore.Open(db);
        try
        {
            var model = new SiteModel(store, clock, zone, options);
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            var gate = new Lock();
            var csp = ContentSecurityPolicy(options);
            app.Run(context => Answer(context, model, gate, csp));
            await app.StartAsync(cancel);
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new SiteServer(app, store, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public Task WaitAsync(CancellationToken cancel) => _app.WaitForShutdownAsync(cancel);

    private static async Task Answer(HttpContext context, SiteModel model, Lock gate, string csp)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = csp;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        SiteFile? file;
        lock (gate) file = model.Get(context.Request.Path.Value ?? "/");
        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = SiteModel.HtmlType;
            await context.Response.WriteAsync("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
                + "<body><main><h1>Not found</h1><p><a href=\"/\">Back to the days</a></p></main></body></html>\n");
            return;
        }
        context.Response.ContentType = file.ContentType;
        context.Response.ContentLength = file.Content.Length;
        if (HttpMethods.IsGet(context.Request.Method)) await context.Response.Body.WriteAsync(file.Content);
    }

    /// <summary>Everything from this server only; the widget script's host is allowed only when the option asks for it.</summary>
    private static string ContentSecurityPolicy(SiteOptions options)
    {
        var widgets = options.Widgets ? " https://platform.twitter.com https://cdn.syndication.twimg.com" : "";
        return $"default-src 'self'; img-src 'self' data:{widgets}; style-src 'self'; script-src 'self'{widgets}; frame-src {(options.Widgets ? "https://platform.twitter.com" : "'none'")}; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _store.Dispose();
    }
}
