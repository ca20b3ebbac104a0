using TrainingLms.Domain.Courses;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace TrainingLms.Web.Features.Content;

/// <summary>
/// Reads one YAML mapping field by field. Each missing or malformed field becomes a problem at its line, and
/// fields nobody asked for are reported too, so a misspelt key does not pass silently.
/// </summary>
public sealed class YamlFields
{
    private readonly YamlMappingNode map;
    private readonly ProblemLog log;
    private readonly HashSet<string> read = [];

    private YamlFields(YamlMappingNode map, ProblemLog log)
    {
        this.map = map;
        this.log = log;
    }

    public int Line => LineOf(map);

    public static YamlFields? Load(string yaml, ProblemLog log)
    {
        var stream = new YamlStream();
        var parser = new FlowTrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        // YamlDotNet throws InvalidOperationException, not a YamlException, for some unclosed { … } mappings.
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            ReportSyntax(yaml, e, parser.OpenFlowLine, log);
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            log.Add(1, "NotAMapping");
            return null;
        }
        return new YamlFields(root, log);
    }

    public static YamlFields? Of(YamlNode node, ProblemLog log, string field)
    {
        if (node is YamlMappingNode mapping) return new YamlFields(mapping, log);
        log.Add(LineOf(node), "NotAMapping", field);
        return null;
    }

    public YamlNode? Node(string key, bool required)
    {
        read.Add(key);
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var node) && !IsNull(node)) return node;
        // A key written with no value is reported where it is written; a missing key where the mapping starts.
        if (required) log.Add(node is null ? Line : KeyLine(key), "Required", key);
        return null;
    }

    /// <summary>Reports a problem with a field's value (read earlier) at the field's line.</summary>
    public void Report(string key, string code, params string[] arguments) =>
        log.Add(map.Children.TryGetValue(new YamlScalarNode(key), out var node) && !IsNull(node) ? LineOf(node) : KeyLine(key), code, arguments);

    public string? Text(string key, bool required = true)
    {
        var node = Node(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)) return value.Trim();
        log.Add(LineOf(node), "Required", key);
        return null;
    }

    public int? Number(string key, int min, int max, bool required = true)
    {
        var node = Node(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } value } && int.TryParse(value, out var number) && number >= min && number <= max) return number;
        log.Add(LineOf(node), "NotANumber", key, min.ToString(), max.ToString());
        return null;
    }

    public bool? Flag(string key, bool required = false)
    {
        var node = Node(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } value } && bool.TryParse(value, out var flag)) return flag;
        log.Add(LineOf(node), "NotABoolean", key);
        return null;
    }

    /// <summary>A <c>{ zh-CN: …, en: … }</c> mapping; both languages are required.</summary>
    public LocalizedText? Localized(string key, bool required = true)
    {
        var node = Node(key, required);
        if (node is null) return null;
        if (Of(node, log, key) is not { } languages) return null;
        var zh = languages.Text("zh-CN");
        var en = languages.Text("en");
        languages.ReportUnknown();
        return zh is null || en is null ? null : new LocalizedText(zh, en);
    }

    /// <summary>A list of words, each with its line so a wrong one can be reported where it is written.</summary>
    public IReadOnlyList<(string Value, int Line)> TextList(string key)
    {
        var node = Node(key, required: false);
        if (node is null) return [];
        if (node is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode))
            return sequence.Children.Select(c => (((YamlScalarNode)c).Value?.Trim() ?? "", LineOf(c))).ToList();
        log.Add(LineOf(node), "NotAList", key);
        return [];
    }

    public IReadOnlyList<YamlNode> Sequence(string key, bool required)
    {
        var node = Node(key, required);
        if (node is null) return [];
        if (node is YamlSequenceNode sequence) return sequence.Children.ToList();
        log.Add(LineOf(node), "NotAList", key);
        return [];
    }

    public void ReportUnknown()
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not null && !read.Contains(k.Value)))
            log.Add(LineOf(key), "UnknownField", key.Value!);
    }

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    /// <summary>
    /// Reports a YAML error where the author can fix it. YamlDotNet notices an unclosed <c>{</c> or <c>[</c> only at the
    /// end of the text, and reports a tab in the indentation on the mapping's first line: those two get their own code and line.
    /// </summary>
    private static void ReportSyntax(string yaml, Exception error, int? openFlowLine, ProblemLog log)
    {
        var lines = yaml.Split('\n');
        var tabLine = Array.FindIndex(lines, line => line.TrimStart(' ').StartsWith('\t') && line.Trim().Length > 0);
        var yamlError = error as YamlException;
        var atEnd = yamlError is null || yamlError.Start.Index >= yaml.TrimEnd().Length;
        if (tabLine >= 0) log.Add(tabLine + 1, "YamlTab");
        else if (openFlowLine is { } line && atEnd) log.Add(line, "YamlUnclosed");
        else log.Add(Math.Max(1, (int)(yamlError?.Start.Line ?? 1)), "YamlSyntax", (error.InnerException ?? error).Message);
    }

    /// <summary>The line a field's key is written on, or null when the mapping has no such field.</summary>
    public int? LineOfKey(string key) =>
        map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key) is { } keyNode ? LineOf(keyNode) : null;

    private int KeyLine(string key) =>
        map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key) is { } keyNode ? LineOf(keyNode) : Line;

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" };

    /// <summary>Passes YAML events through, remembering the line of the innermost <c>{ … }</c> or <c>[ … ]</c> still open.</summary>
    private sealed class FlowTrackingParser(IParser inner) : IParser
    {
        private readonly Stack<(bool Flow, int Line)> open = new();

        public ParsingEvent? Current => inner.Current;

        public int? OpenFlowLine => open.FirstOrDefault(c => c.Flow) is (true, var line) ? line : null;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            switch (inner.Current)
            {
                case MappingStart mapping: open.Push((mapping.Style == MappingStyle.Flow, (int)mapping.Start.Line)); break;
                case SequenceStart sequence: open.Push((sequence.Style == SequenceStyle.Flow, (int)sequence.Start.Line)); break;
                case MappingEnd or SequenceEnd: open.TryPop(out _); break;
            }
            return true;
        }
    }
}
