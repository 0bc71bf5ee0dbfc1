namespace Babelcast.Server.Operator;

/// <summary>Why an operator's Scripture or prepared-text request was not sent: a code from <c>ErrorCodes</c> and a message for the operator.</summary>
internal sealed record OperatorRefusal(string Code, string Message);
