using System.Text.Json.Serialization;

namespace HotPapers.Publishing.Site;

/// <summary>
/// The options as they enter the settings key (<see cref="SiteModel.SettingsKey"/>), written by generated code: the
/// reflection serializer wrote the same bytes (SiteOptionsJsonTests compares them), but starting it and compiling its
/// converters took a noticeable share of a short update.
/// </summary>
[JsonSerializable(typeof(SiteOptions))]
internal sealed partial class SiteOptionsJson : JsonSerializerContext;
