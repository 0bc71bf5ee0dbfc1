using System.Diagnostics;
using System.Runtime.InteropServices;
using Babelcast.Engines.PocketSphinx.Glossaries;
using Babelcast.Engines.PocketSphinx.Native;
using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// Glossaries on a pooled decoder. A glossary's words are added to the dictionary without rebuilding the default
/// search (so other sessions never hypothesise them), and its search is the main model interpolated with the glossary
/// model, built on first use and kept under one of a few names (a decoder serves the sessions of a pool in turn);
/// every user switches the decoder to its own search, or back to the default one, before its utterance.
/// </summary>
internal sealed unsafe partial class PocketSphinxDecoder
{
    private const string DefaultSearch = "_default";
    private const int MaxGlossarySearches = 4;

    private readonly List<string> _glossarySearches = []; // keys, most recently used last
    private readonly Dictionary<string, string> _searchNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _addedWords = new(StringComparer.Ordinal);
    private string? _activeGlossary;

    /// <summary>The glossary whose search is active, or null for the default search.</summary>
    public string? ActiveGlossary => _activeGlossary;

    /// <summary>
    /// Makes <paramref name="glossary"/>'s search active (null: the default search); only between utterances.
    /// Returns the milliseconds spent building a search (0 when it was built already). Throws
    /// <see cref="InvalidOperationException"/> when the library refuses, leaving the default search active.
    /// </summary>
    public double UseGlossary(DecoderGlossary? glossary)
    {
        if (glossary?.Key == _activeGlossary)
        {
            return 0;
        }

        Reset();
        if (glossary is null)
        {
            SetSearch(DefaultSearch);
            _activeGlossary = null;
            return 0;
        }

        var built = 0.0;
        var index = _glossarySearches.IndexOf(glossary.Key);
        if (index < 0)
        {
            // A search being replaced must not be the active one.
            SetSearch(DefaultSearch);
            _activeGlossary = null;
            var started = Stopwatch.GetTimestamp();
            Build(glossary);
            built = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        else
        {
            _glossarySearches.RemoveAt(index);
        }

        _glossarySearches.Add(glossary.Key);
        try
        {
            SetSearch(_searchNames[glossary.Key]);
        }
        catch (InvalidOperationException)
        {
            _glossarySearches.Remove(glossary.Key);
            _searchNames.Remove(glossary.Key);
            SetSearch(DefaultSearch);
            _activeGlossary = null;
            throw;
        }

        _activeGlossary = glossary.Key;
        return built;
    }

    /// <summary>As <see cref="UseGlossary"/>, logging a refusal: the utterance is then recognised without the glossary.</summary>
    public void TryUseGlossary(DecoderGlossary? glossary, ILogger logger)
    {
        try
        {
            var built = UseGlossary(glossary);
            if (built > 0)
            {
                Log.GlossarySearchBuilt(logger, glossary!.Key, glossary.Words.Count, built);
            }
        }
        catch (InvalidOperationException ex)
        {
            Log.GlossaryNotApplied(logger, glossary?.Key ?? "(none)", ex.Message);
        }
    }

    /// <summary>Words the glossaries added to this decoder's dictionary (tests check what persists).</summary>
    internal IReadOnlyCollection<string> AddedWords => _addedWords;

    private void Build(DecoderGlossary glossary)
    {
        foreach (var word in glossary.Words)
        {
            AddWord(word);
        }

        // Searches are replaced by name: the least recently used of a full set gives its name up.
        var name = "glossary" + _searchNames.Count;
        if (_searchNames.Count >= MaxGlossarySearches)
        {
            name = _searchNames[_glossarySearches[0]];
            _searchNames.Remove(_glossarySearches[0]);
            _glossarySearches.RemoveAt(0);
        }

        var config = NativeMethods.ps_get_config(_handle);
        var main = GlossaryMainModel(config);
        var glossaryModel = NativeMethods.ngram_model_read(config, glossary.LanguageModelPath, NativeMethods.NgramArpa, NativeMethods.ps_get_logmath(_handle));
        if (glossaryModel == IntPtr.Zero)
        {
            throw new InvalidOperationException($"the glossary model {glossary.LanguageModelPath} could not be read");
        }

        var models = stackalloc IntPtr[2] { main, glossaryModel };
        var weights = stackalloc float[2] { 1 - glossary.Weight, glossary.Weight };
        var set = NativeMethods.ngram_model_set_init(config, models, ["main", "glossary"], weights, 2);
        NativeMethods.ngram_model_free(glossaryModel); // the set holds a reference of its own
        if (set == IntPtr.Zero)
        {
            throw new InvalidOperationException("the interpolated glossary model could not be built");
        }

        try
        {
            if (NativeMethods.ps_set_lm(_handle, name, set) < 0)
            {
                throw new InvalidOperationException("ps_set_lm refused the glossary model");
            }

            _searchNames[glossary.Key] = name;
        }
        finally
        {
            NativeMethods.ngram_model_free(set); // the search holds its own reference
        }
    }

    /// <summary>
    /// The main model the glossary searches interpolate: a copy of its own, read on this decoder's first glossary, shared
    /// by its glossary searches and freed with the decoder's handle. Not the default search's model (<c>ps_get_lm</c>):
    /// ps_add_word adds the glossary words to that one, and a set interpolating it then read freed memory in
    /// lm_trie_score on glossary phrases (valgrind on the C reproduction in test/native, run-glossary-search-repro.sh), which
    /// crashed the process now and then. With the copy that reproduction, a second glossary's words included, is clean.
    /// </summary>
    private IntPtr GlossaryMainModel(IntPtr config)
    {
        if (_handle.GlossaryMainModel != IntPtr.Zero)
        {
            return _handle.GlossaryMainModel;
        }

        var model = NativeMethods.ngram_model_read(config, _languageModelPath, NativeMethods.NgramAuto, NativeMethods.ps_get_logmath(_handle));
        if (model == IntPtr.Zero)
        {
            throw new InvalidOperationException($"the language model {_languageModelPath} could not be read for the glossary search");
        }

        _handle.GlossaryMainModel = model;
        return model;
    }

    /// <summary>Adds a glossary word, or its "sounds like" pronunciation as an alternative of a word the dictionary has.</summary>
    private void AddWord(GlossaryWord word)
    {
        var existing = Lookup(word.Word);
        string? phones;
        if (word.SoundsLike is { } sounds)
        {
            var parts = sounds.Select(s => Lookup(s) ?? word.ESpeakPhones.GetValueOrDefault(s)).ToList();
            phones = parts.Any(p => p is null) ? null : string.Join(' ', parts);
        }
        else
        {
            phones = existing is null ? word.ESpeakPhones.GetValueOrDefault(word.Word) : null;
        }

        if (phones is null || string.Equals(phones, existing, StringComparison.Ordinal))
        {
            return;
        }

        var name = word.Word;
        for (var alternative = 2; Lookup(name) is { } known; alternative++)
        {
            if (string.Equals(known, phones, StringComparison.Ordinal))
            {
                return;
            }

            name = $"{word.Word}({alternative})";
        }

        // update = 0: the default search is not rebuilt, so sessions without this glossary never hypothesise the word.
        if (NativeMethods.ps_add_word(_handle, name, phones, 0) >= 0)
        {
            _addedWords.Add(name);
        }
    }

    private string? Lookup(string word)
    {
        var phones = NativeMethods.ps_lookup_word(_handle, word);
        if (phones == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(phones);
        }
        finally
        {
            NativeMethods.ckd_free(phones);
        }
    }

    private void SetSearch(string name)
    {
        if (NativeMethods.ps_set_search(_handle, name) < 0)
        {
            throw new InvalidOperationException($"ps_set_search({name}) failed");
        }
    }
}
