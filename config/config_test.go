package config

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestFromEnvDefaults(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil {
		t.Fatalf("defaults must be valid: %v", err)
	}
	want := Config{
		TelegramAPIURL: "https://api.telegram.org",
		DatabaseURL:    "postgres://postgres@localhost:5432/mitra?sslmode=disable",
		RedisURL:       "redis://localhost:6379/0",
		HTTPAddr:       ":8080",
		TimeZone:       "Asia/Jakarta",
		LogLevel:       slog.LevelInfo,
	}
	if fmt.Sprint(c) != fmt.Sprint(want) || c.WebhookMode() {
		t.Errorf("defaults:\n got %v\nwant %v", c, want)
	}
	if !errors.Is(c.RequireToken(), ErrNoToken) {
		t.Errorf("RequireToken without a token = %v, want ErrNoToken", c.RequireToken())
	}
}

func TestFromEnvRejects(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string
	}{
		{"admin not a number", map[string]string{"MITRA_ADMINS": "123,abc"}, `MITRA_ADMINS: "abc"`},
		{"negative admin", map[string]string{"MITRA_ADMINS": "-5"}, `MITRA_ADMINS: "-5"`},
		{"bad log level", map[string]string{"MITRA_LOG_LEVEL": "loud"}, "MITRA_LOG_LEVEL"},
		{"database scheme", map[string]string{"DATABASE_URL": "mysql://x/y"}, "DATABASE_URL"},
		{"redis scheme", map[string]string{"REDIS_URL": "localhost:6379"}, "REDIS_URL"},
		{"webhook needs https", map[string]string{"MITRA_WEBHOOK_URL": "http://x.example/hook", "MITRA_WEBHOOK_SECRET": "abcdefghijklmnop"}, "MITRA_WEBHOOK_URL"},
		{"webhook needs secret", map[string]string{"MITRA_WEBHOOK_URL": "https://x.example/hook"}, "MITRA_WEBHOOK_SECRET"},
		{"secret charset", map[string]string{"MITRA_WEBHOOK_URL": "https://x.example/hook", "MITRA_WEBHOOK_SECRET": "has spaces in it ok?"}, "MITRA_WEBHOOK_SECRET"},
		{"time zone", map[string]string{"MITRA_TIMEZONE": "Mars/Olympus"}, "MITRA_TIMEZONE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromEnv(env(tt.env))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("FromEnv(%v) error = %v, want it to mention %q", tt.env, err, tt.wantErr)
			}
		})
	}
}

func TestFromEnvReadsEverything(t *testing.T) {
	c, err := FromEnv(env(map[string]string{
		"TELEGRAM_BOT_TOKEN":   "123:ABC",
		"TELEGRAM_API_URL":     "http://127.0.0.1:8081/",
		"MITRA_ADMINS":         " 11, 22 ,",
		"MITRA_WEBHOOK_URL":    "https://mitra.example.go.id/telegram/webhook",
		"MITRA_WEBHOOK_SECRET": "s3cret_s3cret-s3cret",
		"MITRA_TIMEZONE":       "Asia/Makassar",
		"MITRA_LOG_LEVEL":      "debug",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.TelegramAPIURL != "http://127.0.0.1:8081" || len(c.Admins) != 2 || c.Admins[1] != 22 ||
		!c.WebhookMode() || c.TimeZone != "Asia/Makassar" || c.LogLevel != slog.LevelDebug || c.RequireToken() != nil {
		t.Errorf("unexpected config %v", c)
	}
}

// Secrets never appear in any rendering of the config.
func TestConfigRedactsSecrets(t *testing.T) {
	c, err := FromEnv(env(map[string]string{
		"TELEGRAM_BOT_TOKEN":   "123456:SECRET-TOKEN",
		"DATABASE_URL":         "postgres://mitra:dbpassword@db:5432/mitra",
		"REDIS_URL":            "redis://:redispassword@redis:6379/0",
		"MITRA_WEBHOOK_URL":    "https://x.example/hook",
		"MITRA_WEBHOOK_SECRET": "webhooksecret_123456",
	}))
	if err != nil {
		t.Fatal(err)
	}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("config", "config", c)
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("config", "config", c)
	for _, rendering := range []string{c.String(), fmt.Sprintf("%v %+v %#v %s", c, c, c, c), logged.String()} {
		for _, secret := range []string{"SECRET-TOKEN", "dbpassword", "redispassword", "webhooksecret_123456"} {
			if strings.Contains(rendering, secret) {
				t.Errorf("%q leaked in %q", secret, rendering)
			}
		}
	}
}
