package bot

import (
	"context"
	"log/slog"
	"strings"
)

// redactingHandler replaces the bot token in every log record with "***".
// The Bot API puts the token in the URL path, so any error that quotes a
// URL would otherwise leak it; go-telegram masks url.Error, and this
// catches everything else.
type redactingHandler struct {
	next   slog.Handler
	secret string
}

func redactLogger(log *slog.Logger, secret string) *slog.Logger {
	if secret == "" {
		return log
	}
	return slog.New(&redactingHandler{next: log.Handler(), secret: secret})
}

func (h *redactingHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

func (h *redactingHandler) Handle(ctx context.Context, r slog.Record) error {
	clean := slog.NewRecord(r.Time, r.Level, h.redact(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		clean.AddAttrs(h.redactAttr(a))
		return true
	})
	return h.next.Handle(ctx, clean)
}

func (h *redactingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = h.redactAttr(a)
	}
	return &redactingHandler{next: h.next.WithAttrs(clean), secret: h.secret}
}

func (h *redactingHandler) WithGroup(name string) slog.Handler {
	return &redactingHandler{next: h.next.WithGroup(name), secret: h.secret}
}

func (h *redactingHandler) redactAttr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.redact(v.String()))
	case slog.KindGroup:
		group := v.Group()
		clean := make([]any, len(group))
		for i, g := range group {
			clean[i] = h.redactAttr(g)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		// Errors and other values are rendered to text here, so the
		// token cannot slip through their String or Error method.
		if err, ok := v.Any().(error); ok && err != nil {
			return slog.String(a.Key, h.redact(err.Error()))
		}
		if s, ok := v.Any().(interface{ String() string }); ok {
			return slog.String(a.Key, h.redact(s.String()))
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}

func (h *redactingHandler) redact(s string) string {
	return strings.ReplaceAll(s, h.secret, "***")
}
