package scrape

// englishCues is the cue table of English sites. Add a line here (or in the site's
// `[params.kiosque.cues]`) when a site prints furniture kiosque does not know yet.
func englishCues() Cues {
	return Cues{
		RelatedHeadings: []string{
			"Related", "Related Articles", "Related Posts", "Related Stories", "Related News",
			"You may also like", "You might also like", "Read more", "Read also", "More stories",
			"More from this section", "Recommended", "Recommended for you", "See also",
			"Most read", "Further reading",
		},
		InlineRelated: []string{"Read more", "Read also", "Related", "See also", "READ MORE", "Also read"},
		Furniture: map[string][]string{
			ReasonShare: {
				"Share", "Share this", "Share this article", "Share this story", "Share on Facebook",
				"Share on Twitter", "Facebook", "Twitter", "X", "LinkedIn", "WhatsApp", "Email",
				"E-mail", "Print", "Pinterest", "Reddit", "Telegram", "Tumblr", "Pocket",
				"Messenger", "Mastodon", "Bluesky", "Threads", "Tweet", "Pin", "Copy link",
			},
			ReasonLike: {"Like this", "Like", "Loading", "Like Loading"},
			ReasonComments: {
				"Comments", "Comment", "Leave a comment", "Leave a Reply", "Leave a reply",
				"Reply", "Cancel reply", "Post Comment", "Name", "Name *", "Email *", "Website",
				"No comments yet", "Be the first to comment", "Join the discussion",
			},
			ReasonNewsletter: {"Subscribe", "Sign up", "Subscribe now", "Newsletter"},
			ReasonCookies:    {"Accept", "Accept all", "Reject all", "Cookie settings", "Manage cookies", "Got it"},
			ReasonNavigation: {
				"Home", "Search", "Log in", "Login", "Sign in", "Skip to content",
				"Skip to main content", "Previous article", "Next article", "Previous post",
				"Next post", "Back to top", "Continue reading", "Close", "Follow us",
			},
			ReasonAd: {"Advertisement", "Sponsored", "Sponsored content", "Ad", "Advertising"},
		},
		Prefixes: map[string][]string{
			ReasonShare:       {"Click to share on", "Click to email a link", "Click to print", "Click to email this", "Share on"},
			ReasonComments:    {"Your email address will not be published", "Required fields are marked", "Save my name, email", "You must be logged in to post", "Notify me of"},
			ReasonNewsletter:  {"Subscribe to our newsletter", "Sign up for our newsletter", "Sign up for the", "Get our newsletter", "Subscribe to the"},
			ReasonCookies:     {"This website uses cookies", "This site uses cookies", "We use cookies", "By continuing to use this"},
			ReasonPhotoCredit: {"Photo credit", "Photo:", "Photos:", "Image credit", "Image:", "Credit:", "Illustration:", "Pictured:"},
			ReasonCopyright:   {"All rights reserved", "Copyright ©", "Copyright (c)"},
			ReasonReadingTime: {"Reading time"},
			ReasonSection:     {"Posted in", "Filed under", "Categories:", "Category:"},
		},
	}
}
