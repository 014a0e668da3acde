package faketelegram

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
)

// Entity is a MessageEntity; Offset and Length are in UTF-16 code units.
type Entity struct {
	Type          string // bold, italic, underline, strikethrough, spoiler, code, pre, text_link, text_mention, blockquote, expandable_blockquote, custom_emoji, bot_command
	Offset        int
	Length        int
	URL           string // text_link
	Language      string // pre
	CustomEmojiID string // custom_emoji
	UserID        int64  // text_mention
}

// closeEntity appends the entity for a closed, non-empty tag.
func closeEntity(ents []Entity, top openTag, u16 int, text string) ([]Entity, error) {
	e := Entity{Offset: top.u16, Length: u16 - top.u16}
	var last *Entity
	if n := len(ents); n > 0 && ents[n-1].Offset == e.Offset && ents[n-1].Length == e.Length {
		last = &ents[n-1]
	}
	switch top.name {
	case "i", "em":
		e.Type = "italic"
	case "b", "strong":
		e.Type = "bold"
	case "s", "strike", "del":
		e.Type = "strikethrough"
	case "u", "ins":
		e.Type = "underline"
	case "tg-spoiler", "span":
		e.Type = "spoiler"
	case "blockquote":
		e.Type = "blockquote"
		if top.arg == "expandable" {
			e.Type = "expandable_blockquote"
		}
	case "tg-emoji":
		id, err := strconv.ParseInt(top.arg, 10, 64)
		if err != nil || id == 0 {
			return nil, errors.New("Invalid custom emoji identifier specified")
		}
		e.Type, e.CustomEmojiID = "custom_emoji", top.arg
	case "a":
		link := top.arg
		if link == "" {
			link = text[top.textPos:]
		}
		if uid, ok := linkUserID(link); ok {
			e.Type, e.UserID = "text_mention", uid
		} else if link = checkedLink(link); link != "" {
			e.Type, e.URL = "text_link", link
		} else {
			return ents, nil // Telegram silently drops invalid links
		}
	case "pre":
		if last != nil && last.Type == "code" && last.Language != "" {
			last.Type = "pre"
			return ents, nil
		}
		e.Type = "pre"
	case "code":
		if last != nil && last.Type == "pre" && top.arg != "" {
			last.Language = top.arg
			return ents, nil
		}
		e.Type, e.Language = "code", top.arg
	}
	return append(ents, e), nil
}

// linkUserID recognises tg://user?id=N mention links.
func linkUserID(link string) (int64, bool) {
	lower := strings.ToLower(link)
	for _, prefix := range []string{"tg://user?id=", "tg:user?id="} {
		if rest, ok := strings.CutPrefix(lower, prefix); ok {
			id, err := strconv.ParseInt(rest, 10, 64)
			return id, err == nil && id > 0
		}
	}
	return 0, false
}

// checkedLink normalises a link like Telegram (telegram.org →
// http://telegram.org/) and returns "" for links Telegram would drop.
func checkedLink(link string) string {
	link = strings.TrimSpace(link)
	if !strings.Contains(link, "://") && !strings.HasPrefix(strings.ToLower(link), "tg:") {
		link = "http://" + link
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "tg", "ton", "tonsite":
		return link
	case "http", "https":
	default:
		return ""
	}
	if host := u.Hostname(); !strings.Contains(host, ".") && host != "localhost" {
		return ""
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// entityPriority orders entities that share a range, as tdlib does.
var entityPriority = map[string]int{
	"blockquote": 0, "expandable_blockquote": 0, "pre": 11, "code": 20, "text_link": 49, "text_mention": 49,
	"bot_command": 50, "bold": 90, "italic": 91, "underline": 92, "strikethrough": 93, "spoiler": 94, "custom_emoji": 99,
}

func sortEntities(ents []Entity) {
	less := func(a, b Entity) bool {
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		if a.Length != b.Length {
			return a.Length > b.Length
		}
		return entityPriority[a.Type] < entityPriority[b.Type]
	}
	for i := 1; i < len(ents); i++ { // insertion sort: stable and tiny inputs
		for j := i; j > 0 && less(ents[j], ents[j-1]); j-- {
			ents[j], ents[j-1] = ents[j-1], ents[j]
		}
	}
}
