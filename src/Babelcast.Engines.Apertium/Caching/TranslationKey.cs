namespace Babelcast.Engines.Apertium.Caching;

internal readonly record struct TranslationKey(string Source, string Target, string Text);
