using System.Buffers;
using System.Text;
using System.Text.Json;

namespace HotPapers.Publishing.Site;

/// <summary>
/// The options as they enter the settings key (<see cref="SiteModel.SettingsKey"/>): the bytes the reflection
/// serializer wrote with its defaults (properties in declaration order, enums as numbers), written by hand, because
/// starting the serializer (reflection, or generated metadata whose generic code is compiled at run time) took a
/// noticeable share of a short update. SiteOptionsJsonTests compares the two, so a new option that is not written
/// here fails it.
/// </summary>
internal static class SiteOptionsJson
{
    public static string Write(SiteOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("Title", options.Title);
            if (options.BaseUrl is null) w.WriteNull("BaseUrl");
            else w.WriteString("BaseUrl", options.BaseUrl.OriginalString);
            w.WriteNumber("DaysPerPage", options.DaysPerPage);
            w.WriteNumber("PapersPerCategoryPage", options.PapersPerCategoryPage);
            w.WriteNumber("FeedEntries", options.FeedEntries);
            w.WriteBoolean("Widgets", options.Widgets);
            var render = options.Render;
            if (render is null)
            {
                w.WriteNull("Render");
            }
            else
            {
                w.WriteStartObject("Render");
                w.WriteNumber("Format", (int)render.Format);
                w.WriteNumber("Embeds", (int)render.Embeds);
                var classic = render.Classic;
                if (classic is null)
                {
                    w.WriteNull("Classic");
                }
                else
                {
                    w.WriteStartObject("Classic");
                    w.WriteNumber("PaperThreshold", classic.PaperThreshold);
                    w.WriteNumber("PostThreshold", classic.PostThreshold);
                    w.WriteNumber("MaxPosts", classic.MaxPosts);
                    if (classic.Platforms is null)
                    {
                        w.WriteNull("Platforms");
                    }
                    else
                    {
                        w.WriteStartArray("Platforms");
                        foreach (var platform in classic.Platforms) w.WriteStringValue(platform);
                        w.WriteEndArray();
                    }
                    w.WriteBoolean("HasOriginalThresholds", classic.HasOriginalThresholds);
                    w.WriteEndObject();
                }
                w.WriteBoolean("IsoDate", render.IsoDate);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
