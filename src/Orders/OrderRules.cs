using System.Text.RegularExpressions;

namespace StepOrders.Orders;

/// <summary>
/// The rules an order must meet to be accepted. Every broken rule is reported, each naming its field,
/// so a client can fix its request in one go.
/// </summary>
public static partial class OrderRules
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 1000;
    public const decimal MaxUnitPrice = 1_000_000m;
    public const int MaxTextLength = 200;
    public const string DefaultPaymentToken = "tok_approve";

    public static OrderValidation Validate(PlaceOrder request)
    {
        var errors = new List<FieldError>();

        if (string.IsNullOrEmpty(request.CustomerId))
        {
            errors.Add(new("customerId", "is required."));
        }
        else if (!Identifier().IsMatch(request.CustomerId))
        {
            errors.Add(new("customerId", "must be 1 to 64 letters, digits, '.', '_' or '-'."));
        }

        var currencyKnown = Currency.TryFind(request.Currency, out var currency);
        if (string.IsNullOrEmpty(request.Currency))
        {
            errors.Add(new("currency", "is required (an ISO 4217 code such as EUR)."));
        }
        else if (!currencyKnown)
        {
            errors.Add(new("currency", $"'{Truncate(request.Currency)}' is not a supported ISO 4217 currency."));
        }

        var lines = ValidateLines(request.Items, currencyKnown ? currency : null, errors);
        var address = ValidateAddress(request.ShippingAddress, errors);

        var token = request.PaymentToken ?? DefaultPaymentToken;
        if (!PaymentToken().IsMatch(token))
        {
            errors.Add(new("paymentToken", "must be 'tok_' followed by up to 60 letters, digits or '_'."));
        }

        return errors.Count > 0
            ? OrderValidation.Rejected(errors)
            : OrderValidation.Accepted(new OrderDraft(request.CustomerId!, lines, currency, address!, token));
    }

    private static List<OrderLine> ValidateLines(IReadOnlyList<PlaceOrderLine?>? items, Currency? currency, List<FieldError> errors)
    {
        var lines = new List<OrderLine>();
        if (items is null || items.Count == 0)
        {
            errors.Add(new("items", "must hold at least one item."));
            return lines;
        }
        if (items.Count > MaxLines)
        {
            errors.Add(new("items", $"must hold at most {MaxLines} items."));
            return lines;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"items[{i}]";
            if (item is null)
            {
                errors.Add(new(at, "must be an object with sku, quantity and unitPrice."));
                continue;
            }
            var before = errors.Count;
            if (string.IsNullOrEmpty(item.Sku))
            {
                errors.Add(new($"{at}.sku", "is required."));
            }
            else if (!Identifier().IsMatch(item.Sku))
            {
                errors.Add(new($"{at}.sku", "must be 1 to 64 letters, digits, '.', '_' or '-'."));
            }
            if (item.Quantity is not { } quantity)
            {
                errors.Add(new($"{at}.quantity", "is required."));
            }
            else if (quantity is < 1 or > MaxQuantity)
            {
                errors.Add(new($"{at}.quantity", $"must be between 1 and {MaxQuantity}."));
            }
            if (item.UnitPrice is not { } price)
            {
                errors.Add(new($"{at}.unitPrice", "is required."));
            }
            else if (price is < 0 or > MaxUnitPrice)
            {
                errors.Add(new($"{at}.unitPrice", $"must be between 0 and {MaxUnitPrice}."));
            }
            else if (currency is not null && !currency.Fits(price))
            {
                errors.Add(new($"{at}.unitPrice", $"has more decimals than {currency.Code} allows ({currency.MinorUnits})."));
            }
            if (errors.Count == before)
            {
                lines.Add(new OrderLine(item.Sku!, item.Quantity!.Value, item.UnitPrice!.Value));
            }
        }
        return lines;
    }

    private static ShippingAddress? ValidateAddress(PlaceOrderAddress? address, List<FieldError> errors)
    {
        if (address is null)
        {
            errors.Add(new("shippingAddress", "is required."));
            return null;
        }
        var before = errors.Count;
        RequireText(address.Name, "shippingAddress.name", errors);
        RequireText(address.Line1, "shippingAddress.line1", errors);
        if (address.Line2 is { Length: > MaxTextLength })
        {
            errors.Add(new("shippingAddress.line2", $"must be at most {MaxTextLength} characters."));
        }
        RequireText(address.City, "shippingAddress.city", errors);
        RequireText(address.PostalCode, "shippingAddress.postalCode", errors);
        if (string.IsNullOrEmpty(address.Country))
        {
            errors.Add(new("shippingAddress.country", "is required (an ISO 3166-1 alpha-2 code such as DE)."));
        }
        else if (!CountryCode().IsMatch(address.Country))
        {
            errors.Add(new("shippingAddress.country", "must be an ISO 3166-1 alpha-2 code such as DE."));
        }
        return errors.Count == before
            ? new ShippingAddress(address.Name!, address.Line1!, address.Line2, address.City!, address.PostalCode!, address.Country!)
            : null;
    }

    private static void RequireText(string? value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "is required."));
        }
        else if (value.Length > MaxTextLength)
        {
            errors.Add(new(field, $"must be at most {MaxTextLength} characters."));
        }
    }

    private static string Truncate(string text) => text.Length <= 16 ? text : text[..16] + "…";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^tok_[A-Za-z0-9_]{1,60}$")]
    private static partial Regex PaymentToken();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
