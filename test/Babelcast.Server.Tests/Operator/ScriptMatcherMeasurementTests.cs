using System.Globalization;
using Babelcast.Server.Operator;
using Xunit.Abstractions;

namespace Babelcast.Server.Tests.Operator;

/// <summary>
/// The follow threshold, measured: PocketSphinx's text of real recorded speech (test/data/speech, 25-45 % word errors),
/// of flite kal16 (about 10 %) and of espeak-ng at its default rate (the recogniser barely understands it) against the
/// line read, and against the other lines (the speaker saying something that is not in the script). Hypotheses were
/// produced by <c>pocketsphinx_continuous -infile CLIP</c> with the Debian en-us model.
/// </summary>
public sealed class ScriptMatcherMeasurementTests(ITestOutputHelper output)
{
    private static readonly (string Clip, string Line, string Heard)[] Pairs =
    [
        ("real:jfk.wav", "and so my fellow americans ask not what your country can do for you ask what you can do for your country", "and then our my ah i and not like your brain and you are you and when you can you buy your country"),
        ("real:LDC93S1.wav", "she had your dark suit in greasy wash water all year", "she had to adapt to increase the watch for all year"),
        ("real:new-home-in-the-stars-16k.wav", "we must find a new home in the stars", "you must find a new home in the stars"),
        ("real:arctic_a0024.wav", "it was my reports from the north which chiefly induced people to buy", "it was an ira parts when our twitch chiefly induce people to buy"),
        ("real:LJ050-0131_16k.wav", "unless a system is established for the frequent formal review of activities thereunder in this regard", "unless the system is established for the frequent formal review of activities they're under in this regard"),
        ("real:example2.wav", "my father has revealed the culprit's name", "my father has revealed the culprits name"),
        ("real:sense_and_sensibility_01_austen_64kb-0870.wav", "and mister john dashwood had then leisure to consider how much there might be prudently in his power to do for them", "and mr john guess what and then at leisure to consider how much there might be greatly in his power to do how about"),
        ("real:sense_and_sensibility_01_austen_64kb-0880.wav", "he was not an ill disposed young man", "he was not an illness those young man"),
        ("real:sense_and_sensibility_01_austen_64kb-0890.wav", "unless to be rather cold hearted and rather selfish is to be ill disposed", "hello study rather cold hearted and rather selfish is to the oldest those"),
        ("real:sense_and_sensibility_01_austen_64kb-0920.wav", "had he married a more a amiable woman he might have been made still more respectable than he was", "had he married a more amiable woman he might have been made still more respectable many watts"),
        ("real:sense_and_sensibility_01_austen_64kb-0930.wav", "he might even have been made amiable himself", "he might even have been made a real boy i'm self taught"),
        ("real:goforward.wav", "go forward ten meters", "go forward ten meters"),
        ("flite-slt:slt_1.wav", "welcome everyone to this morning's service", "welcome everyone to this morning service"),
        ("flite-slt:slt_2.wav", "please open your books to page twelve", "please open your books to page well duh"),
        ("flite-slt:slt_3.wav", "we will now sing the first hymn together", "we will now sing the first hand together"),
        ("flite-slt:slt_4.wav", "thank you all for coming to the conference today", "thank you all for coming to the conference today"),
        ("flite-slt:slt_5.wav", "the next speaker will talk about the history of our community", "the next speaker will talk about the history of our community"),
        ("espeak-file:en-us_1.wav", "welcome everyone to this morning's service", "i agree with the war either least"),
        ("espeak-file:en-us_2.wav", "please open your books to page twelve", "we got ya got to do well"),
        ("espeak-file:en-us_3.wav", "we will now sing the first hymn together", "we got you got to do together"),
        ("espeak-file:en-us_4.wav", "thank you all for coming to the conference today", "unique you alt art that ah do you"),
        ("espeak-file:en-us_5.wav", "the next speaker will talk about the history of our community", "look at it's peak you also cannot look into the og you eat"),
        ("espeak:0", "Good morning and welcome to our church.", "what are you an art art"),
        ("espeak:1", "Please stand as we sing the opening hymn together.", "please do the opening do you"),
        ("espeak:2", "Today we will hear a message about hope and forgiveness.", "you used it on october and the youths"),
        ("espeak:3", "The conference will continue after a short break for lunch.", "but ah do you have to rush or three color lot"),
        ("espeak:4", "Thank you for joining us, and may God bless you and your family.", "fuck you for joining us and you got you and your the league"),
        ("espeak:5", "The Lord is my shepherd, I shall not want.", "are the you shall not want"),
        ("espeak:6", "He restores my soul and leads me in paths of righteousness.", "he was so low and the you pass on right"),
        ("espeak:7", "Surely goodness and mercy shall follow me all the days of my life.", "surely got any particular are ya old are"),
        ("espeak:8", "Please remember to sign the visitor book at the door.", "so you don't really look at our"),
        ("espeak:9", "We will now take a few minutes for questions from the audience.", "optic a few weeks or question is you are you"),
        ("espeak:10", "The children will meet in the hall downstairs after the service.", "but you're in alt are not good you the"),
        ("flite:0", "Good morning and welcome to our church.", "good morning and welcome to our church"),
        ("flite:1", "Please stand as we sing the opening hymn together.", "we spend as recently opened in together"),
        ("flite:2", "Today we will hear a message about hope and forgiveness.", "today we will hear i'm a surge obama pope and forgiveness"),
        ("flite:3", "The conference will continue after a short break for lunch.", "the conference will continue after a short break for lunch"),
        ("flite:4", "Thank you for joining us, and may God bless you and your family.", "thank you for joining us and may god bless you and your family"),
        ("flite:5", "The Lord is my shepherd, I shall not want.", "the lord is my shepherd i shall not want"),
        ("flite:6", "He restores my soul and leads me in paths of righteousness.", "he restores my soul and when it's me and bows of righteousness"),
        ("flite:7", "Surely goodness and mercy shall follow me all the days of my life.", "surely goodness and mercy shall follow me all the days of my life"),
        ("flite:8", "Please remember to sign the visitor book at the door.", "please remember to sign the visitor but at the door"),
        ("flite:9", "We will now take a few minutes for questions from the audience.", "we will now take a few minutes for questions from the audience"),
        ("flite:10", "The children will meet in the hall downstairs after the service.", "the children will meet in all downstairs after the service"),
    ];

    [Fact]
    public void Threshold_ScriptLinesFollowed_OtherSpeechNever()
    {
        var inScript = Pairs.Select(p => Best(p.Heard, [p.Line], 0)).ToList();
        var lines = Pairs.Select(p => p.Line).Distinct().ToList();
        var adLib = Pairs.Select(p =>
        {
            var others = lines.Where(l => l != p.Line).ToList();
            return Enumerable.Range(0, others.Count).Max(at => Best(p.Heard, others, at));
        }).ToList();

        for (var i = 0; i < Pairs.Length; i++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Pairs[i].Clip,-50} read {inScript[i]:F2}  as an aside {adLib[i]:F2}"));
        }

        foreach (var threshold in new[] { 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7 })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"threshold {threshold:F2}: followed {inScript.Count(s => s >= threshold)}/{Pairs.Length}, " +
                $"real {Count(inScript, threshold, "real")}, flite {Count(inScript, threshold, "flite")}, espeak {Count(inScript, threshold, "espeak")}; asides taken for the script {adLib.Count(s => s >= threshold)}"));
        }

        var chosen = new FollowOptions().Threshold;
        Assert.Equal(0, adLib.Count(s => s >= chosen));
        Assert.True(Count(inScript, chosen, "flite") >= 15, "flite's lines are followed but the one the recogniser lost");
        Assert.True(Count(inScript, chosen, "real") >= 10, "most real speech lines are followed");
    }

    private static int Count(List<double> scores, double threshold, string kind) =>
        Pairs.Select((p, i) => (p, i)).Count(x => x.p.Clip.StartsWith(kind, StringComparison.Ordinal) && scores[x.i] >= threshold);

    private static double Best(string heard, List<string> script, int at)
    {
        var matcher = new ScriptMatcher(script);
        matcher.Match(new FollowPosition(at, 0, false), heard, new FollowOptions { Threshold = 1.0, MinWords = 1 }, out var best);
        return best;
    }
}
