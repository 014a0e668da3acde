package faketelegram

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// sendMessage: text with optional HTML, reply_markup and reply_parameters.
func (s *Server) sendMessage(p params) (any, *apiError) {
	c, aerr := s.targetChatLocked(p)
	if aerr != nil {
		return nil, aerr
	}
	f, aerr := formatText(p.str("text"), p.str("parse_mode"), p.str("entities"), false)
	if aerr != nil {
		return nil, aerr
	}
	m, aerr := s.botMessageLocked(c, p, "text")
	if aerr != nil {
		return nil, aerr
	}
	m.f = f
	s.logBotMessageLocked(m)
	return m.wire(), nil
}

func (s *Server) sendLocation(p params) (any, *apiError) {
	c, aerr := s.targetChatLocked(p)
	if aerr != nil {
		return nil, aerr
	}
	lat, okLat := p.float("latitude")
	lon, okLon := p.float("longitude")
	switch {
	case !okLat || lat < -90 || lat > 90:
		return nil, badRequest("wrong latitude specified")
	case !okLon || lon < -180 || lon > 180:
		return nil, badRequest("wrong longitude specified")
	}
	m, aerr := s.botMessageLocked(c, p, "location")
	if aerr != nil {
		return nil, aerr
	}
	m.location = &wireLocation{Latitude: lat, Longitude: lon}
	s.logBotMessageLocked(m)
	return m.wire(), nil
}

// sendPhoto accepts a file_id the server issued, an http(s) URL or an
// uploaded file.
func (s *Server) sendPhoto(p params) (any, *apiError) {
	c, aerr := s.targetChatLocked(p)
	if aerr != nil {
		return nil, aerr
	}
	fileID, aerr := s.resolveFileLocked(p, p.str("photo"), "photo")
	if aerr != nil {
		return nil, aerr
	}
	f, aerr := formatText(p.str("caption"), p.str("parse_mode"), p.str("caption_entities"), true)
	if aerr != nil {
		return nil, aerr
	}
	m, aerr := s.botMessageLocked(c, p, "photo")
	if aerr != nil {
		return nil, aerr
	}
	m.f, m.photo = f, s.newPhotoSizesLocked(fileID)
	s.logBotMessageLocked(m)
	return m.wire(), nil
}

// inputMedia is one sendMediaGroup item.
type inputMedia struct {
	Type            string          `json:"type"`
	Media           string          `json:"media"`
	Caption         string          `json:"caption"`
	ParseMode       string          `json:"parse_mode"`
	CaptionEntities json.RawMessage `json:"caption_entities"`
}

// sendMediaGroup sends 2–10 photos/videos as an album. Like Telegram, a
// user who blocked the bot yields 400 USER_IS_BLOCKED here, not 403.
func (s *Server) sendMediaGroup(p params) (any, *apiError) {
	c, aerr := s.targetChatLocked(p)
	if aerr != nil {
		if aerr.description == "Forbidden: "+descBlocked {
			return nil, badRequest("USER_IS_BLOCKED")
		}
		return nil, aerr
	}
	var items []inputMedia
	if err := json.Unmarshal([]byte(p.str("media")), &items); err != nil {
		return nil, badRequest("can't parse media JSON array")
	}
	if len(items) < 2 || len(items) > 10 {
		return nil, badRequest("wrong number of messages in a media group: must include 2-10 items")
	}
	type prepared struct {
		fileID string
		f      formatted
	}
	var ready []prepared
	for _, it := range items {
		if it.Type != "photo" && it.Type != "video" {
			return nil, badRequest("unsupported media type %q in a media group (faketelegram supports photo and video)", it.Type)
		}
		fileID, aerr := s.resolveFileLocked(p, it.Media, it.Type)
		if aerr != nil {
			return nil, aerr
		}
		f, aerr := formatText(it.Caption, it.ParseMode, string(it.CaptionEntities), true)
		if aerr != nil {
			return nil, aerr
		}
		ready = append(ready, prepared{fileID, f})
	}
	s.seq++
	group := fmt.Sprintf("%d", 14000000000000000+s.seq)
	var out []*wireMessage
	for _, r := range ready {
		m, aerr := s.botMessageLocked(c, params{values: map[string]string{"reply_parameters": p.str("reply_parameters")}}, "photo")
		if aerr != nil {
			return nil, aerr
		}
		m.f, m.photo, m.mediaGroupID = r.f, s.newPhotoSizesLocked(r.fileID), group
		s.logBotMessageLocked(m)
		out = append(out, m.wire())
	}
	return out, nil
}

// resolveFileLocked checks an InputFile parameter: an uploaded file
// (multipart field or attach://name), an http(s) URL, or a known file_id.
// It returns the file_id the sent message will carry.
func (s *Server) resolveFileLocked(p params, ref, field string) (string, *apiError) {
	_, uploaded := p.files[field]
	switch {
	case ref == "" && uploaded:
	case ref == "":
		return "", badRequest("there is no %s in the request", field)
	case strings.HasPrefix(ref, "attach://"):
		if _, ok := p.files[strings.TrimPrefix(ref, "attach://")]; !ok {
			return "", badRequest(descWrongFileID)
		}
	case strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://"):
	case !s.files[ref]:
		return "", badRequest(descWrongFileID)
	default:
		return ref, nil
	}
	id, _ := s.newFileIDLocked("AgACAgUAAxkBAAI")
	return id, nil
}

// botMessageLocked validates reply_markup and reply_parameters for a new bot
// message in c, then adds the message.
func (s *Server) botMessageLocked(c *chatState, p params, kind string) (*message, *apiError) {
	mk, aerr := parseReplyMarkup(p.str("reply_markup"), c.id)
	if aerr != nil {
		return nil, aerr
	}
	replyTo, aerr := s.replyTargetLocked(c, p)
	if aerr != nil {
		return nil, aerr
	}
	m := s.addMessageLocked(c, nil, kind, time.Now())
	m.markup, m.replyTo = mk, replyTo
	return m, nil
}

// replyTargetLocked resolves reply_parameters (or the legacy
// reply_to_message_id).
func (s *Server) replyTargetLocked(c *chatState, p params) (*message, *apiError) {
	var rp struct {
		MessageID                int  `json:"message_id"`
		AllowSendingWithoutReply bool `json:"allow_sending_without_reply"`
	}
	if raw := p.str("reply_parameters"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &rp); err != nil {
			return nil, badRequest("can't parse reply parameters JSON object")
		}
	} else {
		rp.MessageID = p.int("reply_to_message_id")
		rp.AllowSendingWithoutReply = p.bool("allow_sending_without_reply")
	}
	if rp.MessageID == 0 {
		return nil, nil
	}
	if m := c.byID[rp.MessageID]; m != nil && !m.deleted {
		return m, nil
	}
	if rp.AllowSendingWithoutReply {
		return nil, nil
	}
	return nil, badRequest("message to be replied not found")
}
