using Babelcast.Core.Storage;

namespace Babelcast.Core.Glossaries;

/// <summary>Text whose glossary terms are replaced by placeholders; <see cref="Slots"/>[i] is the term of placeholder i.</summary>
public sealed record ProtectedText(string Text, IReadOnlyList<GlossaryEntry> Slots);
