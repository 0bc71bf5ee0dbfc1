using System.Reflection;
using Babelcast.Core.Protocol;

namespace Babelcast.Core.Tests.Protocol;

/// <summary>The protocol catalogue read by reflection, so that a constant added later is checked without editing the tests.</summary>
internal static class Catalogue
{
    public static IReadOnlyList<string> ErrorCodeValues { get; } = ConstValues(typeof(ErrorCodes));

    public static IReadOnlyList<string> MessageTypeValues { get; } = ConstValues(typeof(MessageTypes));

    public static IReadOnlySet<string> AllValues { get; } = ErrorCodeValues.Concat(MessageTypeValues).ToHashSet(StringComparer.Ordinal);

    private static List<string> ConstValues(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
}
