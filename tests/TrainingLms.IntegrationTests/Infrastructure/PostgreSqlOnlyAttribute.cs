using Xunit.v3;

namespace TrainingLms.IntegrationTests.Infrastructure;

/// <summary>
/// A test, or a class of tests, that runs on PostgreSQL only, with the reason beside it: the SQLite run of the
/// integration tests (<c>./lms test</c>) leaves it out with <c>--filter "Database!=PostgreSqlOnly"</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PostgreSqlOnlyAttribute(string reason) : Attribute, ITraitAttribute
{
    public const string Value = "PostgreSqlOnly";

    public string Reason { get; } = reason;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(SqliteOnlyAttribute.Trait, Value)];
}
