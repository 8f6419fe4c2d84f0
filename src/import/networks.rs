//! Addresses of profiles on well-known networks, built from a username the
//! way RenderCV builds them.

/// The profile page of `user` on `network`, when vitae knows the network.
pub(super) fn profile_url(network: &str, user: &str) -> Option<String> {
    let user = user.trim();
    let url = match network.to_lowercase().as_str() {
        "linkedin" => format!("https://linkedin.com/in/{user}"),
        "github" => format!("https://github.com/{user}"),
        "gitlab" => format!("https://gitlab.com/{user}"),
        "instagram" => format!("https://instagram.com/{user}"),
        "orcid" => format!("https://orcid.org/{user}"),
        "stackoverflow" => format!("https://stackoverflow.com/users/{user}"),
        "researchgate" => format!("https://researchgate.net/profile/{user}"),
        "youtube" => format!("https://youtube.com/@{}", user.trim_start_matches('@')),
        "telegram" => format!("https://t.me/{user}"),
        "x" => format!("https://x.com/{}", user.trim_start_matches('@')),
        "twitter" => format!("https://twitter.com/{}", user.trim_start_matches('@')),
        "bluesky" => format!("https://bsky.app/profile/{user}"),
        "leetcode" => format!("https://leetcode.com/u/{user}"),
        "mastodon" => {
            // @name@server.social → https://server.social/@name
            let (name, server) = user.trim_start_matches('@').split_once('@')?;
            format!("https://{server}/@{name}")
        }
        _ => return None,
    };
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_links() {
        assert_eq!(
            profile_url("Mastodon", "@ada@fosstodon.org").as_deref(),
            Some("https://fosstodon.org/@ada")
        );
        assert_eq!(
            profile_url("Twitter", "@ada").as_deref(),
            Some("https://twitter.com/ada")
        );
        assert_eq!(profile_url("Unknown", "ada"), None);
    }
}
