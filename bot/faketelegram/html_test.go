package faketelegram

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseHTMLValid(t *testing.T) {
	tests := []struct {
		name, in, text string
		ents           []Entity
	}{
		{"plain", "Halo", "Halo", nil},
		{"empty", "", "", nil},
		{"named entities", "&lt;&gt;&amp;&quot;", `<>&"`, nil},
		{"numeric entities", "&#65;&#x42;&#128512;", "AB😀", nil},
		{"bold after emoji counts UTF-16", "🏟 <b>ab</b>", "🏟 ab", []Entity{{Type: "bold", Offset: 3, Length: 2}}},
		{"all simple tags", "<b>a</b><strong>b</strong><i>c</i><em>d</em><u>e</u><ins>f</ins><s>g</s><strike>h</strike><del>i</del>", "abcdefghi", []Entity{
			{Type: "bold", Offset: 0, Length: 1}, {Type: "bold", Offset: 1, Length: 1}, {Type: "italic", Offset: 2, Length: 1},
			{Type: "italic", Offset: 3, Length: 1}, {Type: "underline", Offset: 4, Length: 1}, {Type: "underline", Offset: 5, Length: 1},
			{Type: "strikethrough", Offset: 6, Length: 1}, {Type: "strikethrough", Offset: 7, Length: 1}, {Type: "strikethrough", Offset: 8, Length: 1},
		}},
		{"uppercase tag", "<B>x</b>", "x", []Entity{{Type: "bold", Offset: 0, Length: 1}}},
		{"generic end tag", "<i>x</>", "x", []Entity{{Type: "italic", Offset: 0, Length: 1}}},
		{"spoilers", `<tg-spoiler>a</tg-spoiler><span class="tg-spoiler">b</span>`, "ab", []Entity{{Type: "spoiler", Offset: 0, Length: 1}, {Type: "spoiler", Offset: 1, Length: 1}}},
		{"link", `<a href="https://mitra.id/x?a=1&amp;b=2">situs</a>`, "situs", []Entity{{Type: "text_link", Offset: 0, Length: 5, URL: "https://mitra.id/x?a=1&b=2"}}},
		{"link without scheme", `<a href=telegram.org>t</a>`, "t", []Entity{{Type: "text_link", Offset: 0, Length: 1, URL: "http://telegram.org/"}}},
		{"invalid link dropped", `<a href="nonsense">t</a>`, "t", nil},
		{"mention", `<a href="tg://user?id=42">Budi</a>`, "Budi", []Entity{{Type: "text_mention", Offset: 0, Length: 4, UserID: 42}}},
		{"code", "<code>x := 1</code>", "x := 1", []Entity{{Type: "code", Offset: 0, Length: 6}}},
		{"pre", "<pre>x</pre>", "x", []Entity{{Type: "pre", Offset: 0, Length: 1}}},
		{"pre with language", `<pre><code class="language-go">x</code></pre>`, "x", []Entity{{Type: "pre", Offset: 0, Length: 1, Language: "go"}}},
		{"blockquote", "<blockquote>q</blockquote>", "q", []Entity{{Type: "blockquote", Offset: 0, Length: 1}}},
		{"expandable blockquote", "<blockquote expandable>q</blockquote>", "q", []Entity{{Type: "expandable_blockquote", Offset: 0, Length: 1}}},
		{"custom emoji", `<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>`, "👍", []Entity{{Type: "custom_emoji", Offset: 0, Length: 2, CustomEmojiID: "5368324170671202286"}}},
		{"nested", "<b>a<i>b</i></b>", "ab", []Entity{{Type: "bold", Offset: 0, Length: 2}, {Type: "italic", Offset: 1, Length: 1}}},
		{"empty tag makes no entity", "a<b></b>", "a", nil},
		{"unknown attribute ignored", `<b class="x">a</b>`, "a", []Entity{{Type: "bold", Offset: 0, Length: 1}}},
		{"newlines kept", "a\n<b>b</b>", "a\nb", []Entity{{Type: "bold", Offset: 2, Length: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, ents, err := ParseHTML(tt.in)
			if err != nil {
				t.Fatalf("ParseHTML(%q): %v", tt.in, err)
			}
			if text != tt.text || !reflect.DeepEqual(ents, tt.ents) {
				t.Errorf("ParseHTML(%q) = %q, %+v; want %q, %+v", tt.in, text, ents, tt.text, tt.ents)
			}
		})
	}
}

func TestParseHTMLInvalid(t *testing.T) {
	tests := []struct{ in, err string }{
		// Cases and messages from tdlib's test/message_entities.cpp.
		{"🏟 🏟&lt;<abacaba", "Unclosed start tag at byte offset 13"},
		{"🏟 🏟&lt;<abac aba>", `Unsupported start tag "abac" at byte offset 13`},
		{"🏟 🏟&lt;<i   =aba>", `Empty attribute name in the tag "i" at byte offset 13`},
		{"🏟 🏟&lt;<i    aba>", `Expected equal sign in declaration of an attribute of the tag "i" at byte offset 13`},
		{"🏟 🏟&lt;<i    aba  =  ", `Unclosed start tag "i" at byte offset 13`},
		{"🏟 🏟&lt;<i    aba  =  190azAz-.,", "Unexpected end of name token at byte offset 27"},
		{"🏟 🏟&lt;<i    aba  =  \"&lt;&gt;&quot;>", "Unclosed start tag at byte offset 13"},
		{"🏟 🏟&lt;</", "Unexpected end tag at byte offset 13"},
		{"🏟 🏟&lt;<b></b></", "Unexpected end tag at byte offset 20"},
		{"🏟 🏟&lt;<i>a</i   ", "Unclosed end tag at byte offset 17"},
		{"🏟 🏟&lt;<i>a</em   >", `Unmatched end tag at byte offset 17, expected "</i>", found "</em>"`},
		{"&#xDFDF;", "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units"},
		// The messages the brief names.
		{"<p>x</p>", `Unsupported start tag "p" at byte offset 0`},
		{"<b>x", `Can't find end tag corresponding to start tag "b"`},
		{"<b><i>x</b></i>", `Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`},
		{"1 < 2", `Unsupported start tag "" at byte offset 2`},
		{"a <", "Unclosed start tag at byte offset 2"},
		{"<br/>", `Unsupported start tag "br/" at byte offset 0`},
		{`<span class="x">a</span>`, `Tag "span" must have class "tg-spoiler" at byte offset 0`},
		{`<tg-emoji emoji-id="abc">a</tg-emoji>`, "Invalid custom emoji identifier specified"},
		// Stricter than Telegram: unescaped '&'.
		{"Tom & Jerry", `Bare "&" at byte offset 4`},
		{"&nbsp;", `Bare "&" at byte offset 0`},
		{"&lt", `Bare "&" at byte offset 0`},
		{`<a href="https://x.id/?a=1&b=2">x</a>`, `Bare "&" at byte offset 26`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, _, err := ParseHTML(tt.in)
			if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
				t.Errorf("ParseHTML(%q) error = %v, want %q", tt.in, err, tt.err)
			}
		})
	}
}

func TestUTF16Len(t *testing.T) {
	for in, want := range map[string]int{"": 0, "abc": 3, "é": 1, "🏟": 2, "👍🏽": 4, "ä👍": 3} {
		if got := UTF16Len(in); got != want {
			t.Errorf("UTF16Len(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestTextLimits sends texts at and over 4096 UTF-16 units, counted after
// the HTML markup is removed.
func TestTextLimits(t *testing.T) {
	s, _ := started(t)
	tests := []struct {
		name, text, parseMode, err string
	}{
		{"4096 ASCII", strings.Repeat("a", 4096), "", ""},
		{"4097 ASCII", strings.Repeat("a", 4097), "", "Bad Request: message is too long"},
		{"2048 astral emoji = 4096 units", strings.Repeat("🏟", 2048), "", ""},
		{"2048 emoji and one more unit", strings.Repeat("🏟", 2048) + "a", "", "Bad Request: message is too long"},
		{"4096 Cyrillic letters (8192 bytes)", strings.Repeat("ж", 4096), "", ""},
		{"tags are not counted", "<b>" + strings.Repeat("a", 4090) + "</b><i>bbbbbb</i>", "HTML", ""},
		{"entities count once", strings.Repeat("&amp;", 4096), "HTML", ""},
		{"entities over the limit", strings.Repeat("&amp;", 4097), "HTML", "Bad Request: message is too long"},
		{"trailing whitespace trimmed", strings.Repeat("a", 4096) + "\n\n", "", ""},
		{"empty", "", "", "Bad Request: message text is empty"},
		{"only markup", "<b></b>", "HTML", "Bad Request: message must be non-empty"},
		{"HTML not parsed without parse_mode", "<p>literal</p>", "", ""},
		{"parse error", "<p>x</p>", "HTML", `Bad Request: can't parse entities: Unsupported start tag "p" at byte offset 0`},
		{"MarkdownV2 unsupported", "*x*", "MarkdownV2", "Bad Request: unsupported parse_mode"},
		{"html lower case accepted", "<b>x</b>", "html", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := callForm(t, s, "sendMessage", map[string]string{"chat_id": "1001", "text": tt.text, "parse_mode": tt.parseMode})
			if tt.err == "" {
				mustOK(t, env, nil)
				return
			}
			wantErrorPrefix(t, env, 400, tt.err)
		})
	}
}

func TestCaptionLimit(t *testing.T) {
	s, u := started(t)
	s.SendPhoto(u, "")
	fileID := lastUserPhoto(s, u.ID)
	ok := callForm(t, s, "sendPhoto", map[string]string{"chat_id": "1001", "photo": fileID, "caption": "<b>" + strings.Repeat("é", 1024) + "</b>", "parse_mode": "HTML"})
	mustOK(t, ok, nil)
	wantError(t, callForm(t, s, "sendPhoto", map[string]string{"chat_id": "1001", "photo": fileID, "caption": strings.Repeat("é", 1025)}),
		400, "Bad Request: message caption is too long")
	wantError(t, callForm(t, s, "sendPhoto", map[string]string{"chat_id": "1001", "photo": "AgACunknown"}),
		400, "Bad Request: wrong file identifier/HTTP URL specified")
}
