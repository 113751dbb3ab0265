using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using StepOrders.Orders;

namespace StepOrders.Api;

/// <summary>
/// Reads a JSON request body with a size limit (413 past it) and turns unreadable JSON into a 400 that names the
/// field, never a 500. The body is read whole into a pooled buffer: it is small, and its hash is the request's
/// fingerprint for idempotency.
/// </summary>
internal static class RequestBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>Reads and deserializes the body; with <paramref name="fingerprint"/>, also hashes its bytes (SHA-256, hex).</summary>
    public static async Task<BodyResult<T>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, bool optional = false, bool fingerprint = false)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return ApiProblems.TooLarge(MaxBytes);
        }
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= MaxBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBytes + 1 - length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
            }
            if (length > MaxBytes)
            {
                return ApiProblems.TooLarge(MaxBytes);
            }
            var json = buffer.AsSpan(0, length);
            if (json.Trim(" \t\r\n"u8).IsEmpty)
            {
                return optional ? new BodyResult<T>(null, null, null) : ApiProblems.Invalid("body", "is required (a JSON object).");
            }
            // JSON text is UTF-8 (RFC 8259 §8.1); the reader checks only the strings it decodes, so a field the type
            // ignores could otherwise carry any bytes.
            if (!Utf8.IsValid(json))
            {
                return ApiProblems.Invalid([new FieldError("body", "is not valid UTF-8.")], "The request body cannot be read as JSON.");
            }
            T? value;
            try
            {
                value = JsonSerializer.Deserialize(json, type);
            }
            catch (JsonException e)
            {
                return Unreadable(e);
            }
            return value is null
                ? ApiProblems.Invalid("body", "must be a JSON object.")
                : new BodyResult<T>(value, fingerprint ? Convert.ToHexStringLower(SHA256.HashData(json)) : null, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A syntax error (the reader's, an inner JsonException) is about the body; a conversion error is about one field.</summary>
    private static ProblemHttpResult Unreadable(JsonException e)
    {
        var where = $"line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}";
        if (e.InnerException is JsonException || e.Path is null or "$")
        {
            return ApiProblems.Invalid([new FieldError("body", $"is not a well-formed JSON object ({where}).")], "The request body cannot be read as JSON.");
        }
        var field = e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path;
        return ApiProblems.Invalid([new FieldError(field, $"has the wrong JSON type ({where}).")], "The request body has fields of the wrong type.");
    }
}

/// <summary>A body read: the value (and the SHA-256 of its bytes if asked for), or the problem to answer with. No value and no problem: an optional body that was empty.</summary>
internal sealed record BodyResult<T>(T? Value, string? Fingerprint, ProblemHttpResult? Problem)
    where T : class
{
    public static implicit operator BodyResult<T>(ProblemHttpResult problem) => new(null, null, problem);
}
