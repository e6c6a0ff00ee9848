namespace OpenProbation.Domain.Common;

/// <summary>Maximum lengths of free-text fields, shared by validation and the database schema.</summary>
public static class FieldLimits
{
    /// <summary>Codes such as a team or delivery-unit code.</summary>
    public const int Code = 20;

    /// <summary>A personal name part.</summary>
    public const int Name = 100;

    /// <summary>A title such as a team, court or programme name.</summary>
    public const int Title = 200;

    /// <summary>A short free-text note or reason.</summary>
    public const int Note = 2000;

    /// <summary>An address line.</summary>
    public const int AddressLine = 200;

    /// <summary>A UK postcode with its space.</summary>
    public const int Postcode = 10;

    /// <summary>A telephone number.</summary>
    public const int Phone = 30;

    /// <summary>An email address (RFC 5321 path limit).</summary>
    public const int Email = 254;

    /// <summary>A user name.</summary>
    public const int UserName = 100;
}
