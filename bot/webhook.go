package bot

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// secretHeader carries the secret_token given to setWebhook.
const secretHeader = "X-Telegram-Bot-Api-Secret-Token"

// maxUpdateBytes bounds a webhook body; real updates are a few KB.
const maxUpdateBytes = 1 << 20

// WebhookHandler receives updates Telegram pushes (webhook mode). Unlike
// go-telegram's handler, it answers only after the update is handled:
// Telegram sends a chat's next update only after this one's answer, which
// keeps the chat in order, and a non-2xx answer makes Telegram deliver the
// update again. Mount it at Path.
type WebhookHandler struct {
	path     string
	secret   string
	dispatch func(ctx context.Context, upd *models.Update) <-chan error
	log      *slog.Logger
}

// Path is the URL path of MITRA_WEBHOOK_URL, where Telegram posts.
func (h *WebhookHandler) Path() string { return h.path }

// ServeHTTP answers 401 to a wrong secret, 400 to a body that is not an
// update, 200 once the update is handled (or was a duplicate), and 500 or
// 503 when it was not handled and Telegram should send it again.
func (h *WebhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	got := r.Header.Get(secretHeader)
	if h.secret == "" || subtle.ConstantTimeCompare([]byte(got), []byte(h.secret)) != 1 {
		h.log.Warn("webhook request with a wrong secret", "remote_addr", r.RemoteAddr)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var upd models.Update
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxUpdateBytes))
	if err := dec.Decode(&upd); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			http.Error(w, "update too large", http.StatusRequestEntityTooLarge)
			return
		}
		h.log.Warn("webhook body is not an update", "error", err)
		http.Error(w, "bad update", http.StatusBadRequest)
		return
	}
	select {
	case err := <-h.dispatch(r.Context(), &upd):
		switch {
		case err == nil:
			w.WriteHeader(http.StatusOK)
		case errors.Is(err, errInProgress):
			http.Error(w, "busy, retry later", http.StatusServiceUnavailable)
		default:
			h.log.Warn("update not processed; Telegram will retry", "update_id", upd.ID, "error", err)
			http.Error(w, "not processed, retry later", http.StatusInternalServerError)
		}
	case <-r.Context().Done():
		// Telegram gave up waiting (60 s); a started update still finishes.
	}
}

// SetWebhook registers the webhook URL with its secret and update types.
// Pending updates are kept: they are delivered to the webhook.
func (b *Bot) SetWebhook(ctx context.Context) error {
	if b.webhook == nil {
		return errors.New("bot: SetWebhook without a webhook URL")
	}
	return b.api.call(ctx, "setWebhook", idempotent, func(ctx context.Context) error {
		_, err := b.api.tg.SetWebhook(ctx, &tgbot.SetWebhookParams{
			URL:            b.webhookURL,
			AllowedUpdates: allowedUpdates,
			SecretToken:    b.webhook.secret,
		})
		return err
	})
}

// deleteWebhook lets getUpdates work after a webhook deployment; pending
// updates are kept for the poller.
func (b *Bot) deleteWebhook(ctx context.Context) error {
	return b.api.call(ctx, "deleteWebhook", idempotent, func(ctx context.Context) error {
		_, err := b.api.tg.DeleteWebhook(ctx, &tgbot.DeleteWebhookParams{DropPendingUpdates: false})
		return err
	})
}
