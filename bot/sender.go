package bot

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"unicode/utf16"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/mitra-id/mitra/flows"
)

// maxNoticeUnits is Telegram's limit on answerCallbackQuery's text, in
// UTF-16 code units like all of Telegram's text lengths.
const maxNoticeUnits = 200

// sender carries out the core's Outcomes through the Bot API.
type sender struct {
	api *api
	log *slog.Logger
}

// promptFunc reports the message id of a delivered prompt to the core.
type promptFunc func(ctx context.Context, chatID int64, messageID int) error

// deliver answers the button press (if any) first, so the user's spinner
// stops, removes the keyboards of answered questions, then sends or edits
// each reply in order. A failed step is logged and the rest still run: a
// card to a coordinator who blocked the bot must not cost the volunteer
// the answer to their own message.
func (s *sender) deliver(ctx context.Context, in incoming, out flows.Outcome, prompted promptFunc) {
	log := s.log.With("update_id", in.updateID)
	if in.callbackQueryID != "" {
		s.answerCallback(ctx, log, in.callbackQueryID, out.Notice)
	}
	for _, id := range out.ClearButtons {
		s.clearButtons(ctx, log, in.input.ChatID, id)
	}
	for _, r := range out.Replies {
		chatID := r.ChatID
		if chatID == 0 {
			chatID = in.input.ChatID
		}
		messageID, err := s.sendReply(ctx, chatID, r)
		if err != nil {
			logDeliveryError(log, chatID, err)
			continue
		}
		if r.Prompt && messageID != 0 {
			if err := prompted(ctx, chatID, messageID); err != nil {
				log.Warn("recording delivered prompt failed", "chat_id", chatID, "message_id", messageID, "error", err)
			}
		}
	}
}

func logDeliveryError(log *slog.Logger, chatID int64, err error) {
	if errors.Is(err, ErrChatGone) {
		log.Info("chat gone: user blocked the bot or was deactivated", "chat_id", chatID, "error", err)
		return
	}
	log.Error("delivering reply failed", "chat_id", chatID, "error", err)
}

// answerCallback stops the button's spinner. Every press is answered once;
// an answer to a redelivered press fails as "query is too old", which only
// means the first delivery answered it.
func (s *sender) answerCallback(ctx context.Context, log *slog.Logger, queryID, notice string) {
	err := s.api.call(ctx, "answerCallbackQuery", idempotent, func(ctx context.Context) error {
		var ok bool
		return s.api.json.call(ctx, "answerCallbackQuery", &tgbot.AnswerCallbackQueryParams{
			CallbackQueryID: queryID,
			Text:            truncateUTF16(notice, maxNoticeUnits),
		}, &ok)
	})
	switch {
	case err == nil:
	case callbackExpired(err):
		log.Debug("callback query already answered or expired", "method", "answerCallbackQuery", "error", err)
	default:
		log.Warn("answering callback query failed", "method", "answerCallbackQuery", "error", err)
	}
}

// clearButtons removes the inline keyboard of an answered question. A
// message already without buttons, or deleted, needs nothing more.
func (s *sender) clearButtons(ctx context.Context, log *slog.Logger, chatID int64, messageID int) {
	err := s.api.call(ctx, "editMessageReplyMarkup", idempotent, func(ctx context.Context) error {
		var edited json.RawMessage // a Message, or true for inline messages
		return s.api.json.call(ctx, "editMessageReplyMarkup", &tgbot.EditMessageReplyMarkupParams{
			ChatID:      chatID,
			MessageID:   messageID,
			ReplyMarkup: noInlineKeyboard,
		}, &edited)
	})
	switch {
	case err == nil:
	case notModified(err) || editImpossible(err):
		log.Debug("buttons already gone", "chat_id", chatID, "message_id", messageID, "error", err)
	default:
		logDeliveryError(log, chatID, err)
	}
}

// sendReply delivers one reply and returns the id of its text message.
func (s *sender) sendReply(ctx context.Context, chatID int64, r flows.Reply) (int, error) {
	markup, err := replyMarkup(r)
	if err != nil {
		return 0, err
	}
	var messageID int
	switch {
	case r.Text == "":
		// Nothing to show but perhaps a pin.
	case r.EditMessageID != 0:
		messageID, err = s.editOrSend(ctx, chatID, r, markup)
	default:
		messageID, err = s.sendText(ctx, chatID, r.Text, markup)
	}
	if err != nil {
		return 0, err
	}
	if r.Location != nil {
		if err := s.sendLocation(ctx, chatID, *r.Location); err != nil {
			return messageID, err
		}
	}
	if len(r.Photos) > 0 {
		if err := s.sendPhotos(ctx, chatID, r.Photos); err != nil {
			return messageID, err
		}
	}
	return messageID, nil
}

// maxAlbum is Telegram's limit of items in one media group.
const maxAlbum = 10

// sendPhotos forwards photos by file id: one photo alone, more as albums of
// up to ten, so a coordinator sees the scene without extra taps.
func (s *sender) sendPhotos(ctx context.Context, chatID int64, fileIDs []string) error {
	for start := 0; start < len(fileIDs); start += maxAlbum {
		batch := fileIDs[start:min(start+maxAlbum, len(fileIDs))]
		if len(batch) == 1 {
			err := s.api.call(ctx, "sendPhoto", sendsOnce, func(ctx context.Context) error {
				_, err := s.api.tg.SendPhoto(ctx, &tgbot.SendPhotoParams{ChatID: chatID, Photo: &models.InputFileString{Data: batch[0]}})
				return err
			})
			if err != nil {
				return err
			}
			continue
		}
		media := make([]models.InputMedia, len(batch))
		for i, id := range batch {
			media[i] = &models.InputMediaPhoto{Media: id}
		}
		err := s.api.call(ctx, "sendMediaGroup", sendsOnce, func(ctx context.Context) error {
			_, err := s.api.tg.SendMediaGroup(ctx, &tgbot.SendMediaGroupParams{ChatID: chatID, Media: media})
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// editOrSend replaces an earlier message's text and buttons. If that
// message is gone or can no longer be edited, the text is sent anew so the
// user still sees it. Only inline keyboards can be edited in.
func (s *sender) editOrSend(ctx context.Context, chatID int64, r flows.Reply, markup models.ReplyMarkup) (int, error) {
	inline, _ := markup.(*inlineKeyboard)
	params := &tgbot.EditMessageTextParams{
		ChatID:             chatID,
		MessageID:          r.EditMessageID,
		Text:               r.Text,
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: noLinkPreview(),
	}
	if inline != nil {
		params.ReplyMarkup = inline
	}
	err := s.api.call(ctx, "editMessageText", idempotent, func(ctx context.Context) error {
		var edited json.RawMessage
		return s.api.json.call(ctx, "editMessageText", params, &edited)
	})
	switch {
	case err == nil || notModified(err):
		return r.EditMessageID, nil
	case editImpossible(err):
		s.log.Info("message cannot be edited, sending it anew", "chat_id", chatID, "message_id", r.EditMessageID, "error", err)
		return s.sendText(ctx, chatID, r.Text, markup)
	}
	return 0, err
}

func (s *sender) sendText(ctx context.Context, chatID int64, text string, markup models.ReplyMarkup) (int, error) {
	var sent *models.Message
	err := s.api.call(ctx, "sendMessage", sendsOnce, func(ctx context.Context) error {
		sent = &models.Message{}
		return s.api.json.call(ctx, "sendMessage", &tgbot.SendMessageParams{
			ChatID:             chatID,
			Text:               text,
			ParseMode:          models.ParseModeHTML,
			LinkPreviewOptions: noLinkPreview(),
			ReplyMarkup:        markup,
		}, sent)
	})
	if err != nil {
		return 0, err
	}
	return sent.ID, nil
}

func (s *sender) sendLocation(ctx context.Context, chatID int64, loc flows.Location) error {
	return s.api.call(ctx, "sendLocation", sendsOnce, func(ctx context.Context) error {
		_, err := s.api.tg.SendLocation(ctx, &tgbot.SendLocationParams{
			ChatID:    chatID,
			Latitude:  loc.Latitude,
			Longitude: loc.Longitude,
		})
		return err
	})
}

// noLinkPreview keeps messages small: previews cost data and screen space
// on the phones Mitra's volunteers use.
func noLinkPreview() *models.LinkPreviewOptions {
	return &models.LinkPreviewOptions{IsDisabled: tgbot.True()}
}

// truncateUTF16 cuts s to at most n UTF-16 code units, between runes.
func truncateUTF16(s string, n int) string {
	for i, r := range s {
		n -= utf16.RuneLen(r)
		if n < 0 {
			return s[:i]
		}
	}
	return s
}
