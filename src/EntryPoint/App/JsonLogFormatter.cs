using System.Text;
using System.Text.Json;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Parsing;

namespace EntryPoint.App;

/// <summary>
/// One JSON object per log line for log shippers: time, level, the message as the text format shows it (strings
/// unquoted), and each scalar property. Written with Utf8JsonWriter, so no reflection (AOT).
/// </summary>
public sealed class JsonLogFormatter : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", logEvent.Timestamp.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", logEvent.Level.ToString().ToLowerInvariant());
            json.WriteString("message", Render(logEvent));
            foreach (var (name, value) in logEvent.Properties)
            {
                var key = char.ToLowerInvariant(name[0]) + name[1..];
                if (value is ScalarValue { Value: int or long or uint } number)
                {
                    json.WriteNumber(key, Convert.ToInt64(number.Value, System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    json.WriteString(key, Scalar(value));
                }
            }

            if (logEvent.Exception is { } exception)
            {
                json.WriteString("exception", exception.ToString());
            }

            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    private static string Render(LogEvent logEvent)
    {
        var text = new StringBuilder();
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            text.Append(token switch
            {
                PropertyToken property when logEvent.Properties.TryGetValue(property.PropertyName, out var value) => Scalar(value),
                PropertyToken property => property.ToString(),
                _ => token.ToString(),
            });
        }

        return text.ToString();
    }

    private static string Scalar(LogEventPropertyValue value) =>
        value is ScalarValue { Value: string s } ? s : value.ToString();
}
