package flows

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/mitra-id/mitra/regions"
)

// Service answers everything a Mitra user does: it routes commands, runs
// guided conversations on the engine and handles approval cards. One call
// handles one input of one chat; the transport guarantees a chat's inputs
// arrive one at a time, in order.
type Service struct {
	engine        *Engine
	convs         Conversations
	volunteers    Volunteers
	invites       Invites
	reports       Reports
	registrations Registrations
	visits        Visits
	regions       *regions.Index
	defaultLoc    *time.Location
	admins        map[int64]bool
	botUsername   string
	now           func() time.Time
	log           *slog.Logger
}

// ServiceConfig holds what a Service needs; every field but Now and Log is
// required.
type ServiceConfig struct {
	Conversations Conversations
	Volunteers    Volunteers
	Invites       Invites
	Reports       Reports
	Registrations Registrations
	Visits        Visits
	Regions       *regions.Index
	// DefaultLocation is the time zone of users without a region.
	DefaultLocation *time.Location
	// Admins are Telegram user ids that become admins on their first /start
	// (cmd applies the list to volunteers already registered).
	Admins []int64
	// BotUsername builds invite deep links (t.me/<BotUsername>?start=…).
	BotUsername string
	Now         func() time.Time
	Log         *slog.Logger
}

// NewService wires the flows and commands.
func NewService(cfg ServiceConfig) *Service {
	s := &Service{
		convs:         cfg.Conversations,
		volunteers:    cfg.Volunteers,
		invites:       cfg.Invites,
		reports:       cfg.Reports,
		registrations: cfg.Registrations,
		visits:        cfg.Visits,
		regions:       cfg.Regions,
		defaultLoc:    cfg.DefaultLocation,
		admins:        make(map[int64]bool, len(cfg.Admins)),
		botUsername:   cfg.BotUsername,
		now:           cfg.Now,
		log:           cfg.Log,
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = discardLogger
	}
	if s.defaultLoc == nil {
		s.defaultLoc = time.UTC
	}
	for _, id := range cfg.Admins {
		s.admins[id] = true
	}
	s.engine = NewEngine(s.log, s.onboardingFlow(), s.inviteFlow(), s.coordinatorFlow(),
		s.reportFlow(), s.reportMenuFlow(), s.reportUpdateFlow(), s.registrationFlow(), s.visitFlow())
	return s
}

// Handle answers one input. The conversation is saved once, after the
// input is fully handled; on error nothing is saved, so the previous state
// stays intact and a redelivery starts from it.
func (s *Service) Handle(ctx context.Context, in Input) (Outcome, error) {
	if !in.Private {
		return s.groupChat(in), nil
	}
	sess := &Session{Input: in, Now: s.now()}
	vol, err := s.volunteers.ByTelegramID(ctx, in.UserID)
	switch {
	case err == nil:
		sess.Volunteer = &vol
	case !errors.Is(err, ErrNotFound):
		return Outcome{}, fmt.Errorf("flows: load volunteer: %w", err)
	}
	conv, err := s.convs.Load(ctx, in.ChatID)
	switch {
	case err == nil:
		sess.Conversation = &conv
	case !errors.Is(err, ErrNotFound):
		return Outcome{}, fmt.Errorf("flows: load conversation: %w", err)
	}
	sess.Lang = s.language(sess)
	sess.Loc = s.location(sess.Volunteer)
	hadConversation := sess.Conversation != nil

	out, err := s.route(ctx, sess)
	if err != nil {
		return Outcome{}, err
	}
	switch {
	case sess.Conversation != nil:
		sess.Conversation.UpdatedAt = sess.Now
		if err := s.convs.Save(ctx, in.ChatID, *sess.Conversation); err != nil {
			return Outcome{}, fmt.Errorf("flows: save conversation: %w", err)
		}
	case hadConversation:
		if err := s.convs.Delete(ctx, in.ChatID); err != nil {
			return Outcome{}, fmt.Errorf("flows: delete conversation: %w", err)
		}
	}
	return out, nil
}

// PromptDelivered records which delivered message carries the live
// question, so its buttons can be removed once it is answered.
func (s *Service) PromptDelivered(ctx context.Context, chatID int64, messageID int) error {
	if err := s.convs.SavePrompt(ctx, chatID, messageID); err != nil {
		return fmt.Errorf("flows: record prompt message: %w", err)
	}
	return nil
}

// language is the user's chosen language, else the conversation's, else
// the one their Telegram client uses.
func (s *Service) language(sess *Session) string {
	switch {
	case sess.Volunteer != nil && sess.Volunteer.Language != "":
		return sess.Volunteer.Language
	case sess.Conversation != nil && sess.Conversation.Lang != "":
		return sess.Conversation.Lang
	}
	return LanguageFor(sess.Input.Lang)
}

// location is the time zone of a volunteer's kabupaten/kota (WIB, WITA or
// WIT), or the configured default.
func (s *Service) location(v *Volunteer) *time.Location {
	if v == nil || v.RegencyCode == "" {
		return s.defaultLoc
	}
	loc, err := time.LoadLocation(regions.TimeZone(v.RegencyCode))
	if err != nil {
		return s.defaultLoc
	}
	return loc
}

func (s *Service) groupChat(in Input) Outcome {
	// Answer only when addressed, so a group is not spammed by every message.
	if in.Kind != KindCommand {
		return Outcome{}
	}
	lang := LanguageFor(in.Lang)
	text := msgPrivateOnly.In(lang)
	if s.botUsername != "" {
		text += "\n👉 https://t.me/" + s.botUsername
	}
	return Outcome{Replies: []Reply{{Text: text}}}
}
