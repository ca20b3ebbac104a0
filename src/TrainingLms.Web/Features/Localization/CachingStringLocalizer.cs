using System.Collections.Concurrent;

namespace TrainingLms.Web.Features.Localization;

/// <summary>
/// The app's strings (<c>L["…"]</c>), each looked up once per language and then kept. The framework's localizer builds
/// a key string and takes the resource manager's lock on every lookup; a page of a thousand rows (the rankings, with a
/// label per cell for phones) asks thousands of times, and under load every request queued on that one lock. The
/// strings are compiled into the app, so nothing kept can go stale. Only strings that exist are kept: a name made from
/// input that names nothing is looked up each time and never fills the memory.
/// </summary>
public sealed class CachingStringLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer resources = factory.Create(typeof(SharedResource));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> found = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (found.TryGetValue(key, out var known)) return known;
            var looked = resources[name];
            if (!looked.ResourceNotFound) found.TryAdd(key, looked);
            return looked;
        }
    }

    /// <summary>Formatted as the framework's localizer does: with the current culture.</summary>
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
}
