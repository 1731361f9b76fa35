using System.Globalization;
using OpsConsole.Components.Layout;
using OpsConsole.Components.Shared;

namespace OpsConsole.Tests.Components.Layout;

/// <summary>The theme's status colours against WCAG 2.1's contrast formula: 4.5:1 for text, in light and dark mode.</summary>
[Trait("Category", "Component")]
public class OpsThemeContrastTests
{
    const double TextContrast = 4.5;

    public static TheoryData<string> LightStatusColours => new(Hex(Light.Primary), Hex(Light.Secondary), Hex(Light.Info),
        Hex(Light.Success), Hex(Light.Warning), Hex(Light.Error));

    [Theory]
    [MemberData(nameof(LightStatusColours))]
    public void Light_status_colours_read_as_text_on_white_and_carry_white_text(string colour)
    {
        Assert.True(Contrast(colour, "#ffffff") >= TextContrast, $"{colour} on white is {Contrast(colour, "#ffffff"):0.00}:1");
        Assert.True(Contrast(colour, Hex(Light.DrawerBackground)) >= TextContrast, $"{colour} on the drawer is {Contrast(colour, Hex(Light.DrawerBackground)):0.00}:1");
    }

    [Fact]
    public void Dark_status_colours_read_on_the_dark_surfaces_and_carry_their_contrast_text()
    {
        var pairs = new[]
        {
            (Hex(Dark.Primary), Hex(Dark.PrimaryContrastText)), (Hex(Dark.Info), Hex(Dark.InfoContrastText)),
            (Hex(Dark.Success), Hex(Dark.SuccessContrastText)), (Hex(Dark.Warning), Hex(Dark.WarningContrastText)),
            (Hex(Dark.Error), Hex(Dark.ErrorContrastText)),
        };
        foreach (var (colour, onIt) in pairs)
        {
            Assert.True(Contrast(colour, Hex(Dark.Surface)) >= TextContrast, $"{colour} on the dark surface");
            Assert.True(Contrast(colour, Hex(Dark.Background)) >= TextContrast, $"{colour} on the dark background");
            Assert.True(Contrast(colour, onIt) >= TextContrast, $"{onIt} text on {colour}");
        }
    }

    [Fact]
    public void Each_tone_has_its_own_colour_and_its_own_icon()
    {
        var tones = Enum.GetValues<StatusTone>();

        Assert.Equal(tones.Length, tones.Select(StatusTones.ColorOf).Distinct().Count());
        Assert.Equal(tones.Length, tones.Select(StatusTones.IconOf).Distinct().Count());
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#ffffff", "#00c853", 2.24)] // the old Approve button
    [InlineData("#ffffff", "#f44336", 3.68)] // the old Reject button
    public void Contrast_follows_the_WCAG_formula(string a, string b, double expected) =>
        Assert.Equal(expected, Contrast(a, b), precision: 2);

    static MudBlazor.Palette Light => OpsTheme.Theme.PaletteLight;
    static MudBlazor.Palette Dark => OpsTheme.Theme.PaletteDark;

    static string Hex(MudBlazor.Utilities.MudColor c) => $"#{c.R:x2}{c.G:x2}{c.B:x2}";

    static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    static double Luminance(string hex)
    {
        var rgb = hex.TrimStart('#');
        double Channel(int at)
        {
            var c = int.Parse(rgb.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
    }
}
