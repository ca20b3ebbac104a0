using System.Linq.Expressions;
using Microsoft.AspNetCore.Components.Forms;

namespace TrainingLms.Web.Components.Shared;

/// <summary>
/// The messages of one statically rendered form. Checks are written in the page with localized
/// text rather than as data annotations, whose messages Blazor does not localize.
/// </summary>
public sealed class FormValidation
{
    private readonly ValidationMessageStore store;

    public FormValidation(object model)
    {
        Context = new EditContext(model);
        store = new ValidationMessageStore(Context);
    }

    public EditContext Context { get; }

    public bool IsValid => !Context.GetValidationMessages().Any();

    public void Add(Expression<Func<object?>> field, string message)
    {
        store.Add(FieldIdentifier.Create(field), message);
        Context.NotifyValidationStateChanged();
    }

    public void Require(Expression<Func<object?>> field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, message);
    }

    /// <summary>Messages from a service, keyed by the model's property name ("" for the whole form).</summary>
    public void AddAll(IEnumerable<KeyValuePair<string, string>> messages)
    {
        foreach (var (field, message) in messages) store.Add(new FieldIdentifier(Context.Model, field), message);
        Context.NotifyValidationStateChanged();
    }

    /// <summary>A service's refusals — resource keys by the model's property name — in the page's language.</summary>
    public void AddKeys(IReadOnlyDictionary<string, string> errors, Microsoft.Extensions.Localization.IStringLocalizer localizer) =>
        AddAll(errors.Select(e => KeyValuePair.Create(e.Key, localizer.Translate(e.Value))));

    /// <summary>Errors that belong to no single field (e.g. from Identity), shown in the summary.</summary>
    public void AddGeneral(string message)
    {
        store.Add(new FieldIdentifier(Context.Model, string.Empty), message);
        Context.NotifyValidationStateChanged();
    }

    public void Clear()
    {
        store.Clear();
        Context.NotifyValidationStateChanged();
    }
}
