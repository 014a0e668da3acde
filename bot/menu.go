package bot

import (
	"context"
	"errors"
	"fmt"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/mitra-id/mitra/flows"
)

// commandMenus are the menus registered at start-up. Telegram shows a
// private chat the menu of its client's language, else the one without a
// language; Indonesian is that default, as it is for Mitra's replies.
var commandMenus = []struct {
	languageCode string // "" = every language without a menu of its own
	lang         string // flows.Menu's language
}{
	{"", "id"},
	{"id", "id"},
	{"en", "en"},
}

// setCommands registers the command menus. It runs on every start, so a
// changed menu reaches users with the deployment.
func (b *Bot) setCommands(ctx context.Context) error {
	var errs []error
	for _, m := range commandMenus {
		commands := botCommands(flows.Menu(m.lang))
		err := b.api.call(ctx, "setMyCommands", idempotent, func(ctx context.Context) error {
			_, err := b.api.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{
				Commands:     commands,
				LanguageCode: m.languageCode,
			})
			return err
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("menu %q: %w", m.languageCode, err))
		}
	}
	return errors.Join(errs...)
}

func botCommands(menu []flows.MenuCommand) []models.BotCommand {
	out := make([]models.BotCommand, len(menu))
	for i, c := range menu {
		out[i] = models.BotCommand{Command: c.Name, Description: c.Description}
	}
	return out
}
