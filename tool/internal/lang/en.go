package lang

import "time"

// english is the table of English-language sites. Add a line here (or in a site's
// `[params.kiosque.cues]`) when a site prints furniture kiosque does not know yet.
func english() *Table {
	return &Table{
		Code: "en",
		StopWords: `the and of to is in that for on with was are it this by from has have be at an they which
			as were been its he she his her their we you not but or had will would who said there
			one all about after more when than into also can could over what if our new up out so them
			a i me my mine him hers ours your yours theirs us those these
			am do does did doing having being because until while against between through during before
			above below down off again further then once here where why how any both each few most other
			some such no nor only own same too very just should now may might must shall since though
			although however whether either neither every many much another last first next still even
			yet ever never always often around among within without upon across along behind
			beyond toward towards under whose whom says say told according`,
		Openers: `a but if these those here while before since during under no yes some many most much two
			three however meanwhile yet then though although mr mrs ms dr read see video photo photos
			source sources article articles`,
		Months: map[string]time.Month{
			"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
			"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
			"sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
		},
		Weekdays:        `monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun`,
		DateWords:       `time on published updated last posted date at am pm the and first utc gmt cet cest est edt cst cdt mst mdt pst pdt akst akdt hst bst et`,
		UpdateWords:     []string{"updated"},
		BylineWords:     []string{"By", "BY", "by", "Text", "Written by", "Reporting by", "Words by", "Story by", "Report by", "Match report by", "writes", "Writes"},
		LedeBylineWords: []string{"writes"},
		CommentNouns:    []string{"comment", "comments", "response", "responses", "replies"},
		CommentLinks:    []string{"on", "to"},
		ThoughtNouns:    []string{"thought", "thoughts"},
		ThoughtLinks:    []string{"on"},
		Honorifics:      `mr mrs ms dr sir prof rev`,
		NameParticles:   `van von der den di da del dos ben bin al el y e zu ter`,
		NewsroomNouns:   `staff desk team newsroom reporters`,
		Connectors:      `of the for von van der den del della da di dos`,
		NameHeads: `union court chamber council ministry minister department bank assembly commission
			parliament tribunal agency office fund organization organisation authority committee
			federation institute centre center board house president state republic party movement
			association society academy university college foundation group bureau government`,
		Conjunctions: `and`,
		CoWriters:    `with`,
		Titles:       `president chancellor senator governor mayor chief fire police captain capt sgt sergeant lieutenant lt officer deputy detective sheriff councilman councilwoman councillor commissioner coach pastor reverend professor director manager chair chairman chairwoman chairperson coordinator secretary treasurer librarian principal superintendent clerk`,
		Accounts:     `admin administrator webmaster user guest staff editor`,
		Addressing:   `you your yours`,
		OutletPhrases: []string{"our website", "our site", "our newsletter", "our newsletters", "our app", "our page",
			"our dedicated", "our free", "follow us", "contact us", "our newsdesk", "sign up to our", "sign up to receive", "subscribe to our", "download our"},
		OutletWords:    `we our us ours`,
		Mastheads:      `press news times herald journal gazette tribune courier post chronicle daily weekly standard observer telegraph record examiner sentinel register guardian mirror express star bulletin dispatch leader`,
		CommentButtons: []string{"ReplyDelete", "Reply Delete"},
		Abbreviations:  `P.S. N.B. U.S. U.K. U.S.A. R.I.P. A.M. P.M. T.V. O.K.`,
		Channels:       `facebook twitter instagram whatsapp telegram youtube tiktok linkedin newsletter newsletters inbox email app podcast website`,
		Pronouns:       `you he she it we they`,
		BioVerbs:       `is covers writes reports lives teaches works`,
		BylineTails:    []string{"Reporting", "reporting", "reported this story"},
		PageWords:      []string{"Page"},
		Agencies:       []string{"Reuters", "AP", "Associated Press", "Bloomberg", "PA", "PA Media", "Press Association", "AAP", "CNN Wire", "UPI", "Xinhua"},
		CaptionVerbs:   `shown seen displays poses pose performs perform speaks speak looks walks stands holds smiles celebrates`,
		CaptionCues:    []string{"L to R", "L-R", "left to right", "from left"},
		CaptionOpeners: []string{"In this photo", "Pictured above", "Pictured left", "Pictured right", "Pictured below", "Shown above", "Above photo", "Photo above", "Top photo", "Bottom photo"},
		SignOffs:       []string{"Respectfully submitted", "Respectfully", "Sincerely", "Yours sincerely", "Yours truly", "Yours faithfully", "Correctly attested", "Attest", "Regards", "Kind regards", "Best regards", "Warm regards", "In faith"},
		RelatedClasses: []string{
			"read-also", "also-read", "more-stories", "you-may-also-like", "also-like", "recommended",
		},
		Cues: Cues{
			RelatedHeadings: []string{
				"Related", "Related Articles", "Related Posts", "Related Stories", "Related News",
				"You may also like", "You might also like", "Read more", "Read also", "More stories",
				"More from this section", "Recommended", "Recommended for you", "See also",
				"Most read", "Further reading", "Related Content", "More on this story",
				"Related Coverage", "Also read", "More news", "Read next", "Up next", "Trending",
				"Check Also", "More videos", "Other videos", "Related Items", "Recent Stories", "Latest Stories", "More articles", "Related posts", "Latest News", "More Stories", "You May Also Like",
			},
			RelatedPrefixes: []string{"Related", "Most read", "More must-reads", "More articles on", "More stories on", "More articles about", "More stories about", "More news on", "More from", "More on", "Latest from", "Other stories in"},
			InlineRelated:   []string{"Click to play video:", "Read more", "Read also", "Related", "See also", "Check out:", "Keep reading", "READ MORE", "Also read", "RELATED", "MORE", "Read"},
			PostLinks:       []string{"Previous article", "Next article", "Previous post", "Next post", "Previous story", "Next story"},
			Furniture: map[string][]string{
				Share: {
					"Share", "Share this", "Share this:", "Spread the love", "Share via", "Share this article", "Share this story", "Share on Facebook",
					"Share on Twitter", "Facebook", "Twitter", "X", "LinkedIn", "WhatsApp", "Email",
					"E-mail", "Print", "Pinterest", "Reddit", "Telegram", "Tumblr", "Pocket",
					"Messenger", "Mastodon", "Bluesky", "Threads", "Tweet", "Pin", "Copy link",
					"Short Url", "Short URL", "Shortlink", "Save", "Save to favorites", "Gift this article", "Share full article",
					"Email This Story", "Print This Story", "Print Friendly, PDF & Email", "Printer Friendly Version",
					"Printer-friendly version", "Click for Printer Friendly Version", "Print this article",
					"Enlarge This Image", "Enlarge this image", "Larger view", "View larger image", "Toggle caption", "hide caption",
				},
				Like: {"Like this", "Like", "Loading", "Like Loading", "%d bloggers like this:", "Like this:", "Like this: Like Loading...", "Like this:Like Loading..."},
				Comments: {
					"Comments", "Comment", "Leave a comment", "Leave a Reply", "Leave a reply", "Add new comment", "Post a Comment", "Post Comments (Atom)",
					"Reply", "Cancel reply", "Post Comment", "Name", "Name *", "Email *", "Website",
					"No comments yet", "Be the first to comment", "Join the discussion", "Join the conversation", "View comments", "Report this comment", "Report abuse", "Flag this comment",
					"Post a Comment", "Comments are closed.", "Please enter your comment!", "Please enter your name here",
					"You have entered an incorrect email address!", "Please enter your email address here", "Comments are closed", "Facebook Comment", "Facebook Comments", "Please reload", "Newer Post", "Older Post", "<< Home", "Subscribe to: Post Comments (Atom)",
				},
				Newsletter: {"Subscribe", "Sign up", "Subscribe now", "Newsletter", "Get local news delivered to your inbox!"},
				Cookies:    {"Accept", "Accept all", "Reject all", "Cookie settings", "Manage cookies", "Got it"},
				Navigation: {
					"Home", "Search", "Skip to content", "Skip to main content", "top of page", "Top of page",
					"Font Size:", "Default font size", "Larger font size", "Smaller font size", "Text size", "Close", "Follow us",
					"Menu", "Main menu", "Sections", "Navigation", "Contact us", "About us", "Privacy policy",
					"View All Posts", "Connect with us", "View Photo Gallery", "View gallery",
				},
				Login:      {"Log in", "Login", "Sign in", "Log out", "Register", "Create an account", "My account", "Forgot password"},
				Paywall:    {"Subscriber only", "Subscribers only", "Premium", "Subscribe to read"},
				Ticker:     {"Breaking", "Breaking news", "Live", "Latest", "Latest news", "Just in", "Developing"},
				Truncation: {"Read more", "Read more here", "Continue reading", "Read full story", "Read the full story", "Read full article", "Keep reading", "(...)", "[...]", "[…]", "Read More »", "Read more »"},
				Widget:     {"Back to top", "Scroll to top", "Scroll to Top", "You must be logged in to react.", "Click any reaction to login.", "Posts (Atom)", "Comments (Atom)", "Subscribe to:", "Subscribe to: Posts (Atom)", "Subscribe to: Post Comments (Atom)", "Recent Posts", "Latest posts", "Popular posts", "Recent Comments", "Categories", "Archives", "Tags", "Meta", "Blogroll", "Most popular", "Top stories", "Trending now", "Popular"},
				Ad:         {"Featured stories", "Advertisement", "Sponsored", "Sponsored content", "Ad", "Advertising", "ADVERTISEMENT", "Story continues below advertisement", "Story continues below", "Content Continues Below", "Advertisements", "- Advertisement -", "Visit Shots! now", "Voice Your Opinion!", "This audio is generated by an AI tool.", "Article continues below", "Article continues below advertisement", "Hide Ad"},
				Date:       {"This content was published on", "This article was published on"},
				Agency:     {"From staff reports", "From wire reports", "Staff reports", "Wire reports", "(Reuters)", "Reuters", "(AP)", "AP", "Associated Press", "The Associated Press", "Bloomberg", "(Bloomberg)", "PA", "AAP"},
			},
			Prefixes: map[string][]string{
				Share:       {"Click to share on", "Click to email a link", "Click to print", "Click to email this", "Share on"},
				Comments:    {"Comments: Our rules", "We want our comments to be", "Please report any comments", "TrackBack URL for this entry", "Listed below are links to weblogs that reference", "comments powered by", "Your email address will not be published", "Required fields are marked", "Save my name, email", "You must be logged in to post", "Notify me of", "You can comment below"},
				Newsletter:  {"Get email notifications on", "Register for free to read", "Click here to sign up", "Find out what's happening in", "Get the latest news and rumors", "Get your weather forecast from people who", "Get daily updates directly to your inbox", "Thank you for subscribing", "Send your stories to", "Send us your stories", "Send your news to", "Email your news to", "Read more in this week", "Don’t miss out on", "Sign up here to receive", "Send us your news", "Do you have a news tip", "Have a news tip", "Got a news tip", "Report an error", "Please report any errors", "Subscribe to our newsletter", "Subscribe to our free", "Get the latest news sent to your inbox", "Sign up for our newsletter", "Sign up for the", "Get our newsletter", "Subscribe to the"},
				Cookies:     {"This website uses cookies", "This site uses cookies", "We use cookies", "By continuing to use this"},
				PhotoCredit: {"Photo credit", "Photography by", "Illustration of", "Photo of", "Image of", "Photograph of", "Photo:", "Photos:", "Image credit", "Image:", "Credit:", "Illustration:", "Pictured:", "File photo", "(Photo:", "(Image:"},
				ReadingTime: {"Reading time"},
				Navigation:  {"You are here", "Click here for the latest", "Follow us", "Follow @", "View all posts by", "See all articles by", "More articles by", "View all articles", "See all stories by"},
				Section:     {"This entry was posted in", "Section:", "Sections:", "Explore posts in the same categories", "Posted in", "Filed under", "Categories:", "Category:", "Topics:", "Posts Tagged", "Posts tagged", "Tag Archives:", "Category Archives:", "Archive for the", "Articles tagged", "Stories tagged"},
				Login:       {"Existing user?", "Log in to", "Login to", "Sign in to", "Already a subscriber", "Already have an account", "Don't have an account", "Create a free account", "Register to"},
				Paywall:     {"Your support helps", "Your support makes", "Your donation helps", "Support our journalism", "Unlock access to", "Support Local Journalism", "Support local journalism", "This article is for subscribers", "Subscribe to continue", "To continue reading", "You must log in to continue reading", "You must be logged in to continue reading", "You have reached your", "Support us", "Donate", "Become a member", "Subscribe for", "Our website is temporarily unavailable in your location", "We are working hard to get it back online"},
				Source:      {"Read the full article on", "Original source can be found", "The original source can be found", "This story first appeared", "This article first appeared", "This story originally appeared", "This article originally appeared", "This story was originally published", "This article was originally published", "Source:", "Sources:", "Via:", "Originally published", "Full story:", "Read the full story at", "Read the full story on", "Read more at"},
				Widget:      {"How useful was this post", "Click on a star to rate it", "Average rating /", "No votes so far", "As you found this post useful", "We are sorry that this post was not useful", "Let us improve this post", "Showing posts with label", "Category Archives:", "Category Archive:", "Tag Archive:", "Archive for the", "Archives for", "Posts in category", "Hang on for a minute...we're trying to find some more stories"},
				Ad:          {"This advertisement has not loaded yet", "Watch more of our videos on", "and live on Freeview channel"},
				Copyright:   {"Powered by Blogger", "Theme images by", "All rights reserved", "Copyright ©", "Copyright (c)", "Copyright 20", "Disclaimer:"},
				Agency:      {"Additional reporting by", "Editing by", "Writing by", "Compiled by", "From the Associated Press", "From Associated Press", "The Associated Press contributed"},
			},
			CommentVerbs: []string{"said...", "says", "says:", "wrote:", "commented:", "replied:"},
		},
	}
}
