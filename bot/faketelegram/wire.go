package faketelegram

import "encoding/json"

// Wire types: exactly the JSON Telegram sends, with empty fields omitted.

type wireUser struct {
	ID           int64  `json:"id"`
	IsBot        bool   `json:"is_bot"`
	FirstName    string `json:"first_name"`
	LastName     string `json:"last_name,omitempty"`
	Username     string `json:"username,omitempty"`
	LanguageCode string `json:"language_code,omitempty"`
}

type wireChat struct {
	ID        int64  `json:"id"`
	Type      string `json:"type"`
	Title     string `json:"title,omitempty"`
	FirstName string `json:"first_name,omitempty"`
	LastName  string `json:"last_name,omitempty"`
	Username  string `json:"username,omitempty"`
}

type wireEntity struct {
	Type          string    `json:"type"`
	Offset        int       `json:"offset"`
	Length        int       `json:"length"`
	URL           string    `json:"url,omitempty"`
	User          *wireUser `json:"user,omitempty"`
	Language      string    `json:"language,omitempty"`
	CustomEmojiID string    `json:"custom_emoji_id,omitempty"`
}

func (w wireEntity) entity() Entity {
	e := Entity{Type: w.Type, Offset: w.Offset, Length: w.Length, URL: w.URL, Language: w.Language, CustomEmojiID: w.CustomEmojiID}
	if w.User != nil {
		e.UserID = w.User.ID
	}
	return e
}

func wireEntities(ents []Entity) []wireEntity {
	var out []wireEntity
	for _, e := range ents {
		w := wireEntity{Type: e.Type, Offset: e.Offset, Length: e.Length, URL: e.URL, Language: e.Language, CustomEmojiID: e.CustomEmojiID}
		if e.UserID != 0 {
			w.User = &wireUser{ID: e.UserID, FirstName: "User"}
		}
		out = append(out, w)
	}
	return out
}

type wirePhotoSize struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	FileSize     int    `json:"file_size,omitempty"`
}

type wireFile struct { // sticker and voice, trimmed to what bots read
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	Type         string `json:"type,omitempty"`
	Width        int    `json:"width,omitempty"`
	Height       int    `json:"height,omitempty"`
	IsAnimated   *bool  `json:"is_animated,omitempty"`
	IsVideo      *bool  `json:"is_video,omitempty"`
	Emoji        string `json:"emoji,omitempty"`
	Duration     int    `json:"duration,omitempty"`
	MimeType     string `json:"mime_type,omitempty"`
	FileSize     int    `json:"file_size,omitempty"`
}

type wireContact struct {
	PhoneNumber string `json:"phone_number"`
	FirstName   string `json:"first_name"`
	LastName    string `json:"last_name,omitempty"`
	UserID      int64  `json:"user_id,omitempty"`
}

type wireLocation struct {
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

type wireMessage struct {
	MessageID       int             `json:"message_id"`
	From            *wireUser       `json:"from,omitempty"`
	Chat            wireChat        `json:"chat"`
	Date            int64           `json:"date"`
	EditDate        int64           `json:"edit_date,omitempty"`
	MediaGroupID    string          `json:"media_group_id,omitempty"`
	ReplyToMessage  *wireMessage    `json:"reply_to_message,omitempty"`
	Text            string          `json:"text,omitempty"`
	Entities        []wireEntity    `json:"entities,omitempty"`
	Caption         string          `json:"caption,omitempty"`
	CaptionEntities []wireEntity    `json:"caption_entities,omitempty"`
	Photo           []wirePhotoSize `json:"photo,omitempty"`
	Sticker         *wireFile       `json:"sticker,omitempty"`
	Voice           *wireFile       `json:"voice,omitempty"`
	Contact         *wireContact    `json:"contact,omitempty"`
	Location        *wireLocation   `json:"location,omitempty"`
	ReplyMarkup     json.RawMessage `json:"reply_markup,omitempty"`
}

type wireCallbackQuery struct {
	ID           string       `json:"id"`
	From         wireUser     `json:"from"`
	Message      *wireMessage `json:"message,omitempty"`
	ChatInstance string       `json:"chat_instance"`
	Data         string       `json:"data,omitempty"`
}

type wireChatMember struct {
	User   wireUser `json:"user"`
	Status string   `json:"status"`
}

type wireChatMemberUpdated struct {
	Chat          wireChat       `json:"chat"`
	From          wireUser       `json:"from"`
	Date          int64          `json:"date"`
	OldChatMember wireChatMember `json:"old_chat_member"`
	NewChatMember wireChatMember `json:"new_chat_member"`
}

type wireUpdate struct {
	UpdateID      int64                  `json:"update_id"`
	Message       *wireMessage           `json:"message,omitempty"`
	EditedMessage *wireMessage           `json:"edited_message,omitempty"`
	CallbackQuery *wireCallbackQuery     `json:"callback_query,omitempty"`
	MyChatMember  *wireChatMemberUpdated `json:"my_chat_member,omitempty"`
}

// kind is the update's type as named in allowed_updates.
func (u *wireUpdate) kind() string {
	switch {
	case u.Message != nil:
		return "message"
	case u.EditedMessage != nil:
		return "edited_message"
	case u.CallbackQuery != nil:
		return "callback_query"
	default:
		return "my_chat_member"
	}
}

type wireBotCommand struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}
