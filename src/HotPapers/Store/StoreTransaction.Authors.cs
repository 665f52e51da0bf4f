namespace HotPapers.Store;

public sealed partial class StoreTransaction
{
    /// <summary>
    /// Names the author of every stored Bluesky post of <paramref name="did"/> (Jetstream posts carry only the DID).
    /// Posts are keyed by their at:// URI, which starts with the author's DID.
    /// </summary>
    public void SetBlueskyAuthor(string did, string handle, string displayName)
    {
        var prefix = "at://" + did + "/";
        Run("""
            UPDATE social_posts SET author_handle = @handle, author_name = @name
            WHERE platform = 'bluesky' AND substr(post_id, 1, @length) = @prefix
            """, ("handle", handle), ("name", displayName), ("length", prefix.Length), ("prefix", prefix));
    }
}
