namespace TrainingLms.Web.Infrastructure.Hosting;

/// <summary>
/// The name of this app instance when several serve one company behind nginx (<c>Hosting:InstanceName</c>, e.g. the
/// machine and port). Set, every answer says it in <c>X-Instance</c>, so an operator can see which one answered.
/// </summary>
public class InstanceOptions
{
    public const string SectionName = "Hosting";

    public const string Header = "X-Instance";

    public string InstanceName { get; set; } = "";
}

public static class InstanceName
{
    public static void UseInstanceName(this IApplicationBuilder app)
    {
        var name = app.ApplicationServices.GetRequiredService<IOptions<InstanceOptions>>().Value.InstanceName.Trim();
        if (name.Length == 0) return;
        app.Use((context, next) =>
        {
            // When the answer starts: an error page's handler clears what was set before.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[InstanceOptions.Header] = name;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
