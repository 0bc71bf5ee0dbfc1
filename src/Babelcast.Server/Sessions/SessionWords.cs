namespace Babelcast.Server.Sessions;

/// <summary>Friendly, neutral words for session ids (lower-case a-z only, so ids stay URL- and path-safe).</summary>
internal static class SessionWords
{
    public static IReadOnlyList<string> Adjectives { get; } = Split("""
        able agile airy amber ample arctic azure balmy bold brave breezy bright brisk bubbly busy calm candid caring
        cheery civic classic clean clear clever cloudy coastal cosmic cozy crisp curious dapper daring dazzling deft
        direct dreamy eager early earnest easy elated elegant epic even exact fabled fair festive fine firm fluent fond
        frank free fresh friendly frosty gentle gifted glad gleaming global golden graceful grand green happy hardy
        hearty helpful honest hopeful humble ideal jolly jovial joyful keen kind lively loyal lucid lucky lunar magic
        majestic mellow merry mighty mindful modern modest musical mystic neat nimble noble novel oaken open orderly
        patient peaceful placid playful plucky polite polished precise proud quick quiet radiant rapid rare ready regal
        robust rosy royal rustic sandy serene sharp shiny silent silver simple sincere sleek smart smooth snowy solar
        solid sonic sparkling spry stable steady stellar sturdy sunny superb swift tender thankful tidy tranquil
        tropical true trusty upbeat valiant vast velvet vivid warm wavy wise witty wondrous zesty zippy lofty lush mild
        misty nifty perky plush prime pure snug stout thrifty upright useful vital whole woven
        """);

    public static IReadOnlyList<string> Nouns { get; } = Split("""
        acorn anchor apple arbor arrow aspen atlas aurora badger bagel bamboo banjo beacon beaver birch bison blossom
        breeze brook cabin cactus camel canyon canoe cedar cello comet compass coral cosmos cottage crane crater cricket
        crystal daisy delta dolphin dune eagle ember falcon fern fiddle finch fjord flute forest fox galaxy garden
        gazelle geyser glacier harbor harp hazel heron hill horizon island ivy jasmine kayak kettle kite koala lagoon
        lantern lark laurel lemon lily lotus lynx maple marble meadow melody meteor mint moon moose mosaic nebula
        nectar oasis ocean olive orbit orchard orchid otter owl panda parrot pebble pelican penguin piano pine planet
        plum pond poppy prairie prism puffin quartz quill rabbit raven reef ridge river robin rocket sail salmon
        sequoia shell sierra sparrow squirrel star stream summit swan thistle thunder tiger trail tulip tundra turtle
        valley violet violin walnut willow wind wren yak zebra zephyr apricot basil bay berry bloom butterfly candle
        canal cliff clover cloud cobalt cocoa condor cove creek cypress dawn dew dove echo elm fable feather field
        firefly garnet ginger grove hawk heath honey jade jungle juniper kernel koi lake leaf lichen magnet mango marsh
        mesa moss nutmeg oak opal orca pasture peach pearl petal pier pixel quokka rain rainbow reed rose saffron sage
        sand seal sky snow sonnet spark spring sprout stone sun tide timber topaz tower tree tune vale wave whale wharf
        yarn
        """);

    private static string[] Split(string words) =>
        words.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
