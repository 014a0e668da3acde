package faketelegram

import (
	"encoding/json"
	"fmt"
	"slices"
)

// BotCommand is one entry of the bot's command menu.
type BotCommand struct {
	Command     string
	Description string
}

// commandKey identifies one setMyCommands list.
type commandKey struct {
	scope string // "default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat:ID", "chat_administrators:ID", "chat_member:ID:USER"
	lang  string
}

// Telegram's limits for setMyCommands.
const (
	MaxCommands              = 100
	MaxCommandLength         = 32
	MaxCommandDescriptionLen = 256
)

func (s *Server) getMe(params) (any, *apiError) {
	return map[string]any{
		"id": BotID, "is_bot": true, "first_name": BotFirstName, "username": BotUsername,
		"can_join_groups": true, "can_read_all_group_messages": false, "supports_inline_queries": false,
		"can_connect_to_business": false, "has_main_web_app": false,
	}, nil
}

func (s *Server) setMyCommands(p params) (any, *apiError) {
	key, aerr := s.commandKeyLocked(p)
	if aerr != nil {
		return nil, aerr
	}
	var list []wireBotCommand
	if err := json.Unmarshal([]byte(p.str("commands")), &list); err != nil {
		return nil, badRequest("can't parse commands JSON array")
	}
	if len(list) > MaxCommands {
		return nil, badRequest("BOT_COMMANDS_TOO_MUCH")
	}
	var cmds []BotCommand
	for _, c := range list {
		if !validCommand(c.Command) {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
		if n := UTF16Len(c.Description); n < 1 || n > MaxCommandDescriptionLen {
			return nil, badRequest("BOT_COMMAND_DESCRIPTION_INVALID")
		}
		cmds = append(cmds, BotCommand{Command: c.Command, Description: c.Description})
	}
	if len(cmds) == 0 {
		delete(s.commands, key)
	} else {
		s.commands[key] = cmds
	}
	return true, nil
}

// getMyCommands returns exactly the list set for scope and language_code,
// without fallback, like Telegram.
func (s *Server) getMyCommands(p params) (any, *apiError) {
	key, aerr := s.commandKeyLocked(p)
	if aerr != nil {
		return nil, aerr
	}
	out := []wireBotCommand{}
	for _, c := range s.commands[key] {
		out = append(out, wireBotCommand(c))
	}
	return out, nil
}

func (s *Server) deleteMyCommands(p params) (any, *apiError) {
	key, aerr := s.commandKeyLocked(p)
	if aerr != nil {
		return nil, aerr
	}
	delete(s.commands, key)
	return true, nil
}

// setChatMenuButton is accepted when its chat (if any) and button are valid.
func (s *Server) setChatMenuButton(p params) (any, *apiError) {
	if p.str("chat_id") != "" {
		if _, aerr := s.targetChatLocked(p); aerr != nil {
			return nil, aerr
		}
	}
	if raw := p.str("menu_button"); raw != "" {
		var b struct {
			Type string `json:"type"`
		}
		if json.Unmarshal([]byte(raw), &b) != nil || !slices.Contains([]string{"commands", "web_app", "default"}, b.Type) {
			return nil, badRequest("can't parse menu button JSON object")
		}
	}
	return true, nil
}

// commandKeyLocked parses scope and language_code.
func (s *Server) commandKeyLocked(p params) (commandKey, *apiError) {
	lang := p.str("language_code")
	if lang != "" && (len(lang) != 2 || !isAlpha(lang[0]) || !isAlpha(lang[1])) {
		return commandKey{}, badRequest("invalid language code specified")
	}
	key := commandKey{scope: "default", lang: lang}
	raw := p.str("scope")
	if raw == "" {
		return key, nil
	}
	var sc struct {
		Type   string          `json:"type"`
		ChatID json.RawMessage `json:"chat_id"`
		UserID int64           `json:"user_id"`
	}
	if err := json.Unmarshal([]byte(raw), &sc); err != nil {
		return key, badRequest("can't parse BotCommandScope JSON object")
	}
	chat := string(sc.ChatID)
	var quoted string
	if json.Unmarshal(sc.ChatID, &quoted) == nil {
		chat = quoted
	}
	switch sc.Type {
	case "default", "all_private_chats", "all_group_chats", "all_chat_administrators":
		key.scope = sc.Type
	case "chat", "chat_administrators", "chat_member":
		if _, aerr := s.targetChatLocked(params{values: map[string]string{"chat_id": chat}}); aerr != nil {
			return key, aerr
		}
		key.scope = sc.Type + ":" + chat
		if sc.Type == "chat_member" {
			key.scope += fmt.Sprintf(":%d", sc.UserID)
		}
	default:
		return key, badRequest("unsupported bot command scope type %q", sc.Type)
	}
	return key, nil
}

func validCommand(c string) bool {
	if len(c) < 1 || len(c) > MaxCommandLength {
		return false
	}
	for _, r := range []byte(c) {
		if !('a' <= r && r <= 'z' || isDigit(r) || r == '_') {
			return false
		}
	}
	return true
}

// Commands returns the default-scope command list set for languageCode
// ("" = for all languages), exactly as stored.
func (s *Server) Commands(languageCode string) []BotCommand {
	return s.ScopedCommands("default", languageCode)
}

// ScopedCommands returns the list set for a scope: "default",
// "all_private_chats", "all_group_chats", "all_chat_administrators",
// "chat:<chat_id>", "chat_administrators:<chat_id>" or
// "chat_member:<chat_id>:<user_id>".
func (s *Server) ScopedCommands(scope, languageCode string) []BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.commands[commandKey{scope, languageCode}])
}

// CommandsSeenBy resolves the menu u sees in its private chat, with
// Telegram's precedence: chat+language, chat, all_private_chats+language,
// all_private_chats, default+language, default.
func (s *Server) CommandsSeenBy(u User) []BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat := fmt.Sprintf("chat:%d", u.ID)
	for _, k := range []commandKey{
		{chat, u.LanguageCode}, {chat, ""},
		{"all_private_chats", u.LanguageCode}, {"all_private_chats", ""},
		{"default", u.LanguageCode}, {"default", ""},
	} {
		if cmds := s.commands[k]; len(cmds) > 0 {
			return slices.Clone(cmds)
		}
	}
	return nil
}
