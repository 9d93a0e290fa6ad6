/* demo_data.c — content of the demo catalog (see demo_data.h).  Brand names
 * of streaming and software services are what such shops resell; films and
 * series are invented. */
#include <stddef.h>

#include "demo_data.h"

const struct demo_category demo_categories[] = {
	{ "iptv", "IPTV", NULL, "Live TV subscriptions: thousands of channels, "
	    "replay and video on demand on your smart TV, box, phone or computer.\n\n"
	    "Every plan includes setup help and works on up to the number of screens shown." },
	{ "iptv-premium", "Premium IPTV", "iptv", "Full packages with sports, "
	    "films and international channels in HD and 4K." },
	{ "iptv-sports", "Sports IPTV", "iptv", "Football, tennis, basketball "
	    "and motorsport, live and in replay." },
	{ "iptv-family", "Family & kids IPTV", "iptv", "Cartoons, documentaries "
	    "and general channels with parental control." },
	{ "streaming", "Streaming services", NULL, "Accounts and gift "
	    "subscriptions for the big film and series platforms." },
	{ "music", "Music streaming", NULL, "Ad-free music and podcasts, "
	    "offline listening included." },
	{ "software", "Software & licences", NULL, "Genuine licences delivered "
	    "by e-mail, with installation guides." },
	{ "office", "Office & productivity", "software", "Office suites, "
	    "cloud storage and note-taking." },
	{ "security", "Security & VPN", "software", "Antivirus, password "
	    "managers and VPN services." },
	{ "creative", "Creative tools", "software", "Design, photo, video and "
	    "audio software." },
	{ "gaming", "Gaming", NULL, "Game subscriptions and wallet top-ups." },
	{ "films", "Films", NULL, "Download films in HD to keep: buy once, "
	    "watch on any device." },
	{ "films-action", "Action & thriller", "films", "Chases, heists and "
	    "conspiracies." },
	{ "films-drama", "Drama", "films", "Stories that stay with you." },
	{ "films-comedy", "Comedy", "films", "Feel-good films for the whole "
	    "evening." },
	{ "films-family", "Family & animation", "films", "For every age." },
	{ "series", "Series", NULL, "Whole series, single seasons or single "
	    "episodes to download." },
	{ "devices", "TV boxes & devices", NULL, "Android TV boxes, sticks and "
	    "remotes, shipped from our warehouse." },
	{ "accessories", "Cables & accessories", NULL, "Everything to connect "
	    "and mount your screens." },
	{ "learning", "Courses & e-books", NULL, "Guides and video courses to "
	    "get more from your devices." },
	{ NULL, NULL, NULL, NULL },
};

const struct demo_subscription demo_subscriptions[] = {
	{ "iptv-gold-4k", "Gold 4K IPTV", "iptv-premium", "Over 18,000 live "
	    "channels and 60,000 films and series on demand, with sports and "
	    "international bouquets in 4K where broadcast.\n\n"
	    "Works on Smart TVs (Samsung, LG), Android boxes, Fire TV, iOS, "
	    "Android and MAG. One screen; add screens with the Family plan.",
	    30, 80, 150, 270, 1, -1 },
	{ "iptv-family-3-screens", "Family IPTV — 3 screens", "iptv-premium",
	    "The Gold package on three screens at the same time, with a "
	    "parental PIN on adult and horror channels.",
	    55, 150, 280, 500, 1, -1 },
	{ "iptv-silver-hd", "Silver HD IPTV", "iptv-premium", "8,000 channels "
	    "in HD with a 7-day replay. The good-value choice for news and "
	    "general channels.", 20, 55, 100, 180, 0, -1 },
	{ "iptv-arabic-plus", "Arabic Plus IPTV", "iptv-premium", "Every Arabic "
	    "channel from the Maghreb to the Gulf, with religious, news and "
	    "series channels, plus Ramadan series on demand.",
	    25, 65, 120, 220, 0, -1 },
	{ "iptv-europe-plus", "Europe Plus IPTV", "iptv-premium", "French, "
	    "Italian, German, Spanish and UK channels with their sports "
	    "bouquets.", 28, 75, 140, 250, 0, -1 },
	{ "iptv-sport-max", "Sport Max IPTV", "iptv-sports", "All the football "
	    "leagues, Champions League, tennis Grand Slams, NBA and Formula 1, "
	    "live in HD with multi-angle where available.",
	    35, 95, 180, 320, 1, -1 },
	{ "iptv-football-pass", "Football Pass IPTV", "iptv-sports", "Every "
	    "match of the big five leagues and African competitions.",
	    22, 60, 110, 200, 0, -1 },
	{ "iptv-kids", "Kids IPTV", "iptv-family", "120 cartoon and education "
	    "channels, no advertising channels, in Arabic, French and English.",
	    12, 32, 60, 110, 0, -1 },
	{ "iptv-documentary", "Documentary IPTV", "iptv-family", "Nature, "
	    "history and science channels plus a documentary library.",
	    15, 40, 75, 140, 0, -1 },
	{ "iptv-trial-week", "IPTV trial week", "iptv-premium", "Try the Gold "
	    "package for 7 days (one per customer).", 0, 0, 0, 0, 0, 50 },
	{ "netflix-premium", "Netflix Premium 4K", "streaming", "Four screens "
	    "in Ultra HD, downloads on six devices. Delivered as a private "
	    "profile with its own PIN.", 45, 130, 250, 480, 1, 40 },
	{ "netflix-standard", "Netflix Standard", "streaming", "Two screens in "
	    "Full HD, private profile.", 32, 90, 175, 330, 0, 40 },
	{ "prime-video", "Prime Video", "streaming", "Amazon originals, films "
	    "and sports, on one profile.", 18, 50, 95, 180, 0, -1 },
	{ "disney-plus", "Disney+ Premium", "streaming", "Disney, Pixar, Marvel, "
	    "Star Wars and National Geographic in 4K HDR.", 25, 70, 130, 240, 1, -1 },
	{ "shahid-vip", "Shahid VIP", "streaming", "Arabic originals, "
	    "exclusive series and live channels.", 16, 45, 85, 160, 0, -1 },
	{ "osn-plus", "OSN+", "streaming", "HBO series and Hollywood films "
	    "for the Middle East.", 24, 66, 125, 230, 0, -1 },
	{ "youtube-premium", "YouTube Premium", "streaming", "YouTube without "
	    "ads, in the background and offline, with YouTube Music.",
	    15, 42, 80, 150, 0, -1 },
	{ "crunchyroll-fan", "Crunchyroll Mega Fan", "streaming", "Anime "
	    "simulcasts an hour after Japan, offline viewing.",
	    14, 38, 72, 135, 0, -1 },
	{ "canal-plus", "Canal+ Afrique", "streaming", "Canal+ channels and "
	    "series across Africa.", 30, 85, 160, 300, 0, -1 },
	{ "spotify-premium", "Spotify Premium", "music", "Ad-free music, any "
	    "order, offline.", 12, 33, 62, 115, 1, -1 },
	{ "spotify-family", "Spotify Family", "music", "Six Premium accounts "
	    "under one roof.", 20, 55, 105, 195, 0, -1 },
	{ "deezer-premium", "Deezer Premium", "music", "90 million tracks in "
	    "high quality, lyrics and Flow.", 11, 30, 57, 105, 0, -1 },
	{ "anghami-plus", "Anghami Plus", "music", "The largest Arabic music "
	    "library, no ads, downloads.", 9, 25, 47, 88, 0, -1 },
	{ "apple-music", "Apple Music", "music", "Lossless and Spatial Audio, "
	    "on Apple and Android devices.", 13, 36, 68, 125, 0, -1 },
	{ "m365-personal", "Microsoft 365 Personal", "office", "Word, Excel, "
	    "PowerPoint, Outlook and 1 TB OneDrive for one person.",
	    0, 0, 110, 200, 1, -1 },
	{ "m365-family", "Microsoft 365 Family", "office", "The same for up to "
	    "six people, 1 TB each.", 0, 0, 150, 270, 0, -1 },
	{ "google-one-2tb", "Google One 2 TB", "office", "Storage shared across "
	    "Gmail, Drive and Photos, for up to five people.",
	    14, 40, 76, 140, 0, -1 },
	{ "notion-plus", "Notion Plus", "office", "Unlimited blocks and file "
	    "uploads for notes, wikis and projects.", 0, 0, 0, 290, 0, -1 },
	{ "adobe-cc-all", "Adobe Creative Cloud All Apps", "creative",
	    "Photoshop, Illustrator, Premiere Pro, After Effects and 20+ apps.",
	    95, 0, 0, 1050, 1, -1 },
	{ "adobe-photography", "Adobe Photography plan", "creative", "Lightroom "
	    "and Photoshop with 20 GB cloud storage.", 30, 0, 0, 330, 0, -1 },
	{ "canva-pro", "Canva Pro", "creative", "Premium templates, brand kits "
	    "and background remover.", 20, 0, 0, 210, 0, -1 },
	{ "capcut-pro", "CapCut Pro", "creative", "Video editing with "
	    "effects, captions and 100 GB cloud.", 18, 50, 95, 175, 0, -1 },
	{ "nordvpn", "NordVPN", "security", "Fast VPN on 10 devices, threat "
	    "protection included.", 22, 0, 0, 160, 0, -1 },
	{ "expressvpn", "ExpressVPN", "security", "Servers in 105 countries, "
	    "works with streaming services.", 28, 0, 150, 250, 0, -1 },
	{ "kaspersky-premium", "Kaspersky Premium", "security", "Antivirus, "
	    "VPN and password manager for 3 devices.", 0, 0, 0, 120, 0, -1 },
	{ "bitdefender-total", "Bitdefender Total Security", "security",
	    "Protection for 5 Windows, macOS, Android and iOS devices.",
	    0, 0, 0, 135, 0, -1 },
	{ "1password-family", "1Password Families", "security", "Password "
	    "manager for five people with shared vaults.", 0, 0, 0, 165, 0, -1 },
	{ "xbox-game-pass", "Xbox Game Pass Ultimate", "gaming", "Hundreds of "
	    "games on console, PC and cloud, EA Play included.",
	    40, 115, 0, 0, 1, -1 },
	{ "ps-plus-extra", "PlayStation Plus Extra", "gaming", "Online play, "
	    "monthly games and a catalogue of 400 games.", 0, 75, 0, 250, 0, -1 },
	{ "nintendo-online", "Nintendo Switch Online", "gaming", "Online play "
	    "and classic NES and SNES games.", 0, 20, 0, 55, 0, -1 },
	{ NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0 },
};

const struct demo_item demo_items[] = {
	{ "android-box-x96-max", "X96 Max+ Android TV box 4/64 GB", "devices",
	    "physical", NULL, "Android 11 box with Amlogic S905X4, 4 GB RAM, "
	    "64 GB storage, Wi-Fi 6 and gigabit Ethernet. Plays 4K HDR.\n\n"
	    "Comes with remote, HDMI cable and power supply.", 189, 229, 24, 1 },
	{ "android-box-h96-mini", "H96 Mini Android TV box 2/16 GB", "devices",
	    "physical", NULL, "Compact 4K box for IPTV apps and streaming.",
	    99, 0, 40, 0 },
	{ "mi-box-s-2", "Xiaomi Mi Box S (2nd gen)", "devices", "physical", NULL,
	    "Google TV with Chromecast built in, Dolby Vision and Atmos.",
	    239, 0, 15, 1 },
	{ "fire-tv-stick-4k", "Fire TV Stick 4K", "devices", "physical", NULL,
	    "Wi-Fi 6 streaming stick with Alexa voice remote.", 179, 199, 3, 0 },
	{ "nvidia-shield-pro", "NVIDIA Shield TV Pro", "devices", "physical", NULL,
	    "The fastest Android TV box, with AI upscaling and Plex server.",
	    899, 0, 2, 0 },
	{ "formuler-z11-pro", "Formuler Z11 Pro Max", "devices", "physical", NULL,
	    "IPTV box with the MyTVOnline 3 app and a backlit remote.",
	    449, 0, 7, 0 },
	{ "mag-524w3", "MAG 524w3 set-top box", "devices", "physical", NULL,
	    "Linux IPTV set-top box with built-in Wi-Fi.", 269, 0, 0, 0 },
	{ "g20s-voice-remote", "G20S Pro backlit voice remote", "devices",
	    "physical", NULL, "Air mouse with gyroscope, microphone and "
	    "backlight for Android boxes.", 45, 0, 60, 0 },
	{ "mini-keyboard-i8", "i8 mini keyboard with touchpad", "devices",
	    "physical", NULL, "Wireless keyboard for boxes and smart TVs.",
	    39, 0, 35, 0 },
	{ "wifi-dongle-ac600", "AC600 dual-band Wi-Fi adapter", "devices",
	    "physical", NULL, "5 GHz USB Wi-Fi for older boxes.", 35, 0, 25, 0 },
	{ "tp-link-deco-m4", "TP-Link Deco M4 mesh (2-pack)", "devices",
	    "physical", NULL, "Whole-home Wi-Fi for buffer-free 4K streaming.",
	    329, 0, 6, 0 },
	{ "usb-c-power-adapter", "5V 2A power adapter", "devices", "physical",
	    NULL, "Replacement power supply for TV boxes.", 19, 0, 80, 0 },
	{ "hdmi-2-1-cable-2m", "HDMI 2.1 cable, 2 m", "accessories", "physical",
	    NULL, "48 Gbps, 8K60 and 4K120, braided.", 29, 0, 150, 0 },
	{ "hdmi-2-1-cable-5m", "HDMI 2.1 cable, 5 m", "accessories", "physical",
	    NULL, "For wall-mounted screens.", 45, 0, 70, 0 },
	{ "cat6-cable-10m", "Cat 6 Ethernet cable, 10 m", "accessories",
	    "physical", NULL, "The most stable connection for IPTV.", 22, 0, 90, 0 },
	{ "tv-wall-mount-32-65", "Tilting TV wall mount 32–65\"", "accessories",
	    "physical", NULL, "VESA up to 400×400, holds 45 kg.", 79, 99, 20, 0 },
	{ "tv-wall-mount-full", "Full-motion TV wall mount 37–70\"",
	    "accessories", "physical", NULL, "Swivel, tilt and extend.",
	    139, 0, 9, 0 },
	{ "hdmi-switch-3in", "3-in-1 HDMI switch 4K", "accessories", "physical",
	    NULL, "Three sources, one TV port, with remote.", 49, 0, 30, 0 },
	{ "surge-protector-6", "6-outlet surge protector with USB",
	    "accessories", "physical", NULL, "Protects TV and box from spikes.",
	    55, 0, 25, 0 },
	{ "remote-cover", "Silicone remote cover", "accessories", "physical",
	    NULL, "Drop and spill protection for G20S and Mi remotes.",
	    12, 0, 200, 0 },
	{ "optical-audio-cable", "Optical audio cable, 1.5 m", "accessories",
	    "physical", NULL, "Toslink for soundbars.", 18, 0, 60, 0 },
	{ "hdmi-extender-60m", "HDMI extender over Cat 6, 60 m", "accessories",
	    "physical", NULL, "Put the box in another room.", 119, 0, 4, 0 },
	{ "cable-ties-velcro", "Velcro cable ties (50)", "accessories",
	    "physical", NULL, "Tidy the back of the TV.", 9, 0, 300, 0 },
	{ "screen-cleaning-kit", "Screen cleaning kit", "accessories", "physical",
	    NULL, "Spray and microfibre cloth, safe for OLED.", 15, 0, 100, 0 },
	{ "guide-iptv-setup", "The complete IPTV setup guide (e-book)",
	    "learning", "digital", "ebook", "Step by step for Smart TVs, boxes, "
	    "phones and MAG devices, with troubleshooting.", 15, 0, -1, 0 },
	{ "guide-home-network", "Home network for streaming (e-book)",
	    "learning", "digital", "ebook", "Fix buffering for good: Wi-Fi, mesh, "
	    "Ethernet and DNS explained simply.", 19, 0, -1, 0 },
	{ "course-android-box", "Master your Android TV box (video course)",
	    "learning", "digital", "software", "Two hours of video: apps, "
	    "settings, storage and security.", 35, 49, -1, 0 },
	{ "course-video-editing", "Video editing for beginners (video course)",
	    "learning", "digital", "software", "Cut, colour and publish with "
	    "CapCut and Premiere.", 45, 0, -1, 0 },
	{ "course-excel", "Excel from zero to dashboards (video course)",
	    "learning", "digital", "software", "Formulas, pivot tables and charts "
	    "in 30 short lessons.", 49, 0, -1, 0 },
	{ "guide-cord-cutting", "Cord-cutting on a budget (e-book)", "learning",
	    "digital", "ebook", "Pick services and plans that fit your family.",
	    12, 0, -1, 0 },
	{ "guide-kids-online", "Keeping kids safe online (e-book)", "learning",
	    "digital", "ebook", "Parental controls on every device.", 10, 0, -1, 0 },
	{ "course-photography", "Smartphone photography (video course)",
	    "learning", "digital", "software", "Better photos with the phone you "
	    "have.", 29, 0, -1, 0 },
	{ "steam-wallet-50", "Steam wallet code 50", "gaming", "digital", NULL,
	    "Digital code delivered by e-mail.", 160, 0, 100, 0 },
	{ "psn-card-25", "PlayStation Store card 25", "gaming", "digital", NULL,
	    "Digital code for the PlayStation Store.", 85, 0, 100, 0 },
	{ "xbox-gift-card-25", "Xbox gift card 25", "gaming", "digital", NULL,
	    "Digital code for the Microsoft Store.", 85, 0, 100, 0 },
	{ "google-play-card-15", "Google Play gift card 15", "gaming", "digital",
	    NULL, "Apps, games and films on Android.", 52, 0, 100, 0 },
	{ "windows-11-pro", "Windows 11 Pro licence", "office", "digital",
	    "software", "Lifetime retail key for one PC, with install guide.",
	    95, 150, -1, 1 },
	{ "office-2021-pro", "Office 2021 Professional Plus", "office", "digital",
	    "software", "One-time purchase for one PC.", 120, 0, -1, 0 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0 },
};

const struct demo_film demo_films[] = {
	{ "The Last Caravan", "films-action", 2023, 118, "A salt trader and a "
	    "runaway engineer cross the Sahara with a secret the army wants back." },
	{ "Harbour of Glass", "films-drama", 2022, 104, "Three sisters reopen "
	    "their father's café in Bizerte the summer the port closes." },
	{ "Midnight in Sidi Bou", "films-comedy", 2021, 96, "A wedding planner "
	    "has one night to find a missing groom among the blue doors." },
	{ "Paper Lanterns", "films-family", 2024, 88, "Two children build a "
	    "flying lantern to carry a message to their grandmother." },
	{ "Cold Frequency", "films-action", 2020, 112, "A radio operator hears "
	    "a distress call from a ship that sank forty years ago." },
	{ "The Olive Press", "films-drama", 2019, 121, "A family's last "
	    "harvest before the land is sold." },
	{ "Second Serve", "films-comedy", 2023, 101, "A retired tennis champion "
	    "coaches the worst junior team in Sousse." },
	{ "Atlas of Small Things", "films-family", 2022, 92, "An ant "
	    "cartographer maps the garden before the rains." },
	{ "Red Line Express", "films-action", 2024, 109, "Hijackers take a "
	    "night train; a ticket inspector is the only one who notices." },
	{ "Letters from Kairouan", "films-drama", 2021, 115, "A carpet weaver "
	    "finds her mother's letters hidden in the loom." },
	{ "The Accidental Mayor", "films-comedy", 2020, 99, "A baker is elected "
	    "by mistake and decides to keep the job." },
	{ "Moonwhale", "films-family", 2023, 84, "A whale that swims through "
	    "the night sky needs help getting home." },
	{ "Blind Spot", "films-action", 2022, 106, "A getaway driver who "
	    "cannot see well at night takes one last job." },
	{ "Salt and Honey", "films-drama", 2024, 124, "Two beekeepers on "
	    "opposite sides of a border share one swarm." },
	{ "Ten Cousins and a Goat", "films-comedy", 2021, 94, "A family reunion "
	    "goes wrong when the feast escapes." },
	{ "The Clockmaker's Apprentice", "films-family", 2020, 97, "A girl "
	    "repairs the town clock that keeps time for the whole valley." },
	{ "Deadwind", "films-action", 2023, 113, "Storm chasers track a "
	    "hurricane and the smugglers hiding inside it." },
	{ "Rooftops of Tunis", "films-drama", 2019, 108, "A photographer "
	    "documents the city from above for a year." },
	{ "Wrong Number, Right Person", "films-comedy", 2022, 98, "A call "
	    "centre mix-up starts a long-distance friendship." },
	{ "Kite Summer", "films-family", 2021, 86, "A kite festival brings "
	    "rival families together." },
	{ "Iron Harbour", "films-action", 2021, 117, "Dock workers uncover a "
	    "smuggling ring in the container yards." },
	{ "The Weight of Rain", "films-drama", 2023, 119, "A farmer waits for "
	    "the rain that will decide whether she stays." },
	{ "Grandpa Goes Viral", "films-comedy", 2024, 93, "A cooking video "
	    "makes a grandfather an internet star." },
	{ "The Lost Star Map", "films-family", 2022, 90, "Three friends follow "
	    "an old map written in constellations." },
	{ "Zero Hour", "films-action", 2019, 110, "A bomb-disposal expert has "
	    "one hour and one wire left." },
	{ "House of Jasmine", "films-drama", 2020, 126, "Four generations "
	    "under one roof during one long summer." },
	{ "Taxi to Nowhere", "films-comedy", 2023, 97, "A driver and a "
	    "passenger who cannot remember where he lives." },
	{ "Pip and the Paper Boat", "films-family", 2024, 79, "A paper boat "
	    "sails from a puddle to the sea." },
	{ "Falcon Protocol", "films-action", 2024, 121, "A falconer becomes "
	    "the key witness in a spy case." },
	{ "Between Two Tides", "films-drama", 2022, 111, "A fisherman and his "
	    "son rebuild their boat after the storm." },
	{ "Operation Couscous", "films-comedy", 2019, 102, "Two rival chefs "
	    "must cook together for a state dinner." },
	{ "The Sand Dragon", "films-family", 2020, 91, "A dragon made of sand "
	    "only lives until the tide comes in." },
	{ "Night Convoy", "films-action", 2020, 108, "Truckers carrying "
	    "medicine cross a mountain pass in a blizzard." },
	{ "The Translator", "films-drama", 2023, 117, "An interpreter must "
	    "choose between the truth and her brother." },
	{ "Holiday Mix-Up", "films-comedy", 2022, 95, "Two families are booked "
	    "into the same villa." },
	{ "Star Garden", "films-family", 2023, 87, "A gardener grows flowers "
	    "that glow at night." },
	{ "Ghost Signal", "films-action", 2023, 104, "Hackers find a message "
	    "hidden in a satellite feed." },
	{ "A Year in Tozeur", "films-drama", 2021, 113, "A doctor posted to "
	    "the oasis learns what her patients need." },
	{ "Bride on the Run", "films-comedy", 2021, 100, "A bride escapes her "
	    "wedding on a delivery scooter." },
	{ "Little Lighthouse", "films-family", 2019, 82, "A lighthouse that is "
	    "afraid of the dark." },
	{ "Borderline", "films-action", 2022, 115, "Customs officers chase a "
	    "courier across three countries." },
	{ "The Long Table", "films-drama", 2024, 129, "A family dinner where "
	    "every guest hides something." },
	{ "Uncle's Inheritance", "films-comedy", 2020, 97, "The will says the "
	    "house goes to whoever can run the hammam." },
	{ "Robo and the Fig Tree", "films-family", 2021, 85, "A little robot "
	    "learns to care for a fig tree." },
	{ "Last Exit Carthage", "films-action", 2021, 111, "An archaeologist "
	    "is chased through the ruins by treasure hunters." },
	{ "Quiet Streets", "films-drama", 2020, 107, "A postman's last round "
	    "before retirement." },
	{ "The Great Date Festival", "films-comedy", 2023, 96, "A village "
	    "competes for the best dates in the country." },
	{ "Cloud Shepherd", "films-family", 2024, 83, "A boy herds clouds to "
	    "bring rain to his village." },
	{ NULL, NULL, 0, 0, NULL },
};

const struct demo_series demo_series[] = {
	{ "medina-nights", "Medina Nights", "Crime drama", "A detective "
	    "investigates the crimes of the old city, one night at a time.",
	    3, 8, 45, 7, 110, 1 },
	{ "the-olive-grove", "The Olive Grove", "Family saga", "Three "
	    "generations fight over the family land and its secrets.",
	    2, 10, 50, 6, 90, 0 },
	{ "carthage-code", "Carthage Code", "Tech thriller", "A start-up in "
	    "Tunis finds a flaw that could take down the banks.",
	    2, 6, 35, 7, 65, 1 },
	{ "sahara-station", "Sahara Station", "Science fiction", "Scientists "
	    "at a desert observatory receive a signal from the future.",
	    1, 8, 40, 6, 40, 0 },
	{ NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0 },
};

const char *const demo_episode_titles[] = {
	"The Beginning", "Old Debts", "Crossroads", "The Visitor", "Night Market",
	"Broken Promises", "The Letter", "Under Pressure", "Smoke and Mirrors",
	"Homecoming", "The Deal", "Point of No Return", "Ghosts", "Dawn",
	"Fault Lines", "The Reckoning", NULL,
};

const struct demo_text demo_texts_fr[] = {
	{ 'c', "iptv", "IPTV", "Abonnements de télévision en direct : des "
	    "milliers de chaînes, le replay et la vidéo à la demande sur votre "
	    "téléviseur, votre box, votre téléphone ou votre ordinateur." },
	{ 'c', "iptv-premium", "IPTV Premium", "Bouquets complets avec le sport, "
	    "le cinéma et les chaînes internationales en HD et 4K." },
	{ 'c', "streaming", "Services de streaming", "Comptes et abonnements "
	    "cadeaux pour les grandes plateformes de films et de séries." },
	{ 'c', "music", "Musique en streaming", "Musique et podcasts sans "
	    "publicité, écoute hors ligne comprise." },
	{ 'c', "software", "Logiciels et licences", "Licences authentiques "
	    "livrées par e-mail, avec guides d'installation." },
	{ 'c', "gaming", "Jeux vidéo", "Abonnements de jeux et recharges de "
	    "portefeuille." },
	{ 'c', "films", "Films", "Des films HD à télécharger et à garder : "
	    "achetez une fois, regardez sur tous vos appareils." },
	{ 'c', "series", "Séries", "Des séries entières, des saisons ou des "
	    "épisodes à télécharger." },
	{ 'c', "devices", "Box TV et appareils", "Box Android TV, clés et "
	    "télécommandes, expédiées depuis notre entrepôt." },
	{ 'c', "accessories", "Câbles et accessoires", "Tout pour brancher et "
	    "fixer vos écrans." },
	{ 'c', "learning", "Cours et livres numériques", "Guides et cours vidéo "
	    "pour tirer le meilleur de vos appareils." },
	{ 'p', "iptv-gold-4k", "IPTV Or 4K", "Plus de 18 000 chaînes en direct "
	    "et 60 000 films et séries à la demande, avec le sport et les "
	    "bouquets internationaux en 4K quand ils sont diffusés.\n\n"
	    "Fonctionne sur les Smart TV (Samsung, LG), les box Android, Fire "
	    "TV, iOS, Android et MAG. Un écran ; ajoutez-en avec l'offre "
	    "Famille. Une question ? Écrivez-nous !" },
	{ 'p', "hdmi-2-1-cable-2m", "Câble HDMI 2.1, 2 m", "48 Gbit/s, 8K60 et "
	    "4K120, tressé." },
	{ 0, NULL, NULL, NULL },
};

const struct demo_attr demo_attrs[] = {
	{ "brand", "Brand", "Marque", "devices", {
	    { "xiaomi", "Xiaomi", "Xiaomi" }, { "amazon", "Amazon", "Amazon" },
	    { "nvidia", "NVIDIA", "NVIDIA" }, { "formuler", "Formuler", "Formuler" },
	    { "infomir", "Infomir (MAG)", "Infomir (MAG)" },
	    { "tp-link", "TP-Link", "TP-Link" }, { NULL, NULL, NULL } } },
	{ "resolution", "Resolution", "Résolution", NULL, {
	    { "hd", "HD (720p)", "HD (720p)" },
	    { "full-hd", "Full HD (1080p)", "Full HD (1080p)" },
	    { "4k", "4K Ultra HD", "4K Ultra HD" }, { NULL, NULL, NULL } } },
	{ NULL, NULL, NULL, NULL, { { NULL, NULL, NULL } } },
};

const struct demo_attr_value demo_attr_values[] = {
	{ "mi-box-s-2", "brand", "xiaomi" },
	{ "fire-tv-stick-4k", "brand", "amazon" },
	{ "nvidia-shield-pro", "brand", "nvidia" },
	{ "formuler-z11-pro", "brand", "formuler" },
	{ "mag-524w3", "brand", "infomir" },
	{ "tp-link-deco-m4", "brand", "tp-link" },
	{ "mi-box-s-2", "resolution", "4k" },
	{ "fire-tv-stick-4k", "resolution", "4k" },
	{ "nvidia-shield-pro", "resolution", "4k" },
	{ "formuler-z11-pro", "resolution", "4k" },
	{ "mag-524w3", "resolution", "4k" },
	{ "android-box-x96-max", "resolution", "4k" },
	{ "android-box-h96-mini", "resolution", "4k" },
	{ "iptv-gold-4k", "resolution", "4k" },
	{ "iptv-sport-max", "resolution", "4k" },
	{ "iptv-family-3-screens", "resolution", "full-hd" },
	{ "iptv-arabic-plus", "resolution", "full-hd" },
	{ "iptv-europe-plus", "resolution", "full-hd" },
	{ "iptv-football-pass", "resolution", "full-hd" },
	{ "iptv-silver-hd", "resolution", "hd" },
	{ "iptv-kids", "resolution", "hd" },
	{ NULL, NULL, NULL },
};
