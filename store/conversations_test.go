package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
	"github.com/mitra-id/mitra/store/storetest"
)

func sampleConversation() flows.Conversation {
	at := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	pending := flows.Value{Data: "x", Text: "X"}
	return flows.Conversation{
		Flow: "onboarding", Step: "district", Version: 3,
		Answers: map[string]flows.Value{
			"name":    {Data: "Siti Rahmawati", Text: "Siti Rahmawati"},
			"regency": {Data: "13.71", Text: "Kota Padang", At: at},
			"photos":  {List: []string{"a", "b"}, Skipped: false},
			"loc":     {Loc: &flows.Location{Latitude: -0.95, Longitude: 100.35}},
		},
		Trail:            []string{"name", "role", "regency"},
		Choices:          []flows.Option{{Value: "13.71.01", Label: "Bungus Teluk Kabung"}},
		Pending:          &pending,
		PromptMessageID:  77,
		PromptHasButtons: true,
		SubmissionID:     "sub-1",
		Lang:             "id",
		StartedAt:        at,
		UpdatedAt:        at.Add(time.Minute),
	}
}

// Ensure a saved conversation loads back exactly, and is gone after Delete.
func TestConversationSaveLoadDelete(t *testing.T) {
	t.Parallel()
	rdb, prefix := storetest.Redis(t)
	convs := store.NewConversations(rdb, prefix, time.Hour)
	ctx := context.Background()
	want := sampleConversation()

	if _, err := convs.Load(ctx, 5); !errors.Is(err, flows.ErrNotFound) {
		t.Fatalf("Load before Save: error = %v, want ErrNotFound", err)
	}
	if err := convs.Save(ctx, 5, want); err != nil {
		t.Fatalf("Save: %v", err)
	}
	got, err := convs.Load(ctx, 5)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load =\n%+v\nwant\n%+v", got, want)
	}
	if _, err := convs.Load(ctx, 6); !errors.Is(err, flows.ErrNotFound) {
		t.Errorf("Load of another chat: error = %v, want ErrNotFound", err)
	}
	if err := convs.Delete(ctx, 5); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := convs.Load(ctx, 5); !errors.Is(err, flows.ErrNotFound) {
		t.Errorf("Load after Delete: error = %v, want ErrNotFound", err)
	}
	if err := convs.Delete(ctx, 5); err != nil {
		t.Errorf("Delete of nothing: %v", err)
	}
}

// Ensure conversations live under the documented key with the ttl, and
// every Save restarts the ttl.
func TestConversationExpiry(t *testing.T) {
	t.Parallel()
	rdb, prefix := storetest.Redis(t)
	const ttl = 30 * time.Second
	convs := store.NewConversations(rdb, prefix, ttl)
	ctx := context.Background()
	key := prefix + "conv:{-1001234}" // group chats have negative ids

	if err := convs.Save(ctx, -1001234, sampleConversation()); err != nil {
		t.Fatal(err)
	}
	if got := rdb.TTL(ctx, key).Val(); got <= ttl-5*time.Second || got > ttl {
		t.Fatalf("TTL of %s = %v, want about %v", key, got, ttl)
	}
	if err := rdb.Expire(ctx, key, 3*time.Second).Err(); err != nil {
		t.Fatal(err)
	}
	if err := convs.Save(ctx, -1001234, sampleConversation()); err != nil {
		t.Fatal(err)
	}
	if got := rdb.TTL(ctx, key).Val(); got <= ttl-5*time.Second {
		t.Errorf("TTL after another Save = %v, want it restarted to about %v", got, ttl)
	}
	// Expire it now: an expiry in the past removes the key at once.
	if err := rdb.ExpireAt(ctx, key, time.Unix(1, 0)).Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := convs.Load(ctx, -1001234); !errors.Is(err, flows.ErrNotFound) {
		t.Errorf("Load after expiry: error = %v, want ErrNotFound", err)
	}
}

// Ensure the prompt message recorded after delivery is what the next Load
// returns, that a Save supersedes it, and that it never resurrects a
// conversation that ended.
func TestConversationPromptMessage(t *testing.T) {
	t.Parallel()
	rdb, prefix := storetest.Redis(t)
	const ttl = time.Hour
	convs := store.NewConversations(rdb, prefix, ttl)
	ctx := context.Background()
	conv := sampleConversation()
	conv.PromptMessageID = 0

	if err := convs.Save(ctx, 7, conv); err != nil {
		t.Fatal(err)
	}
	if err := convs.SavePrompt(ctx, 7, 99); err != nil {
		t.Fatalf("SavePrompt: %v", err)
	}
	if got := rdb.TTL(ctx, prefix+"prompt:{7}").Val(); got <= ttl-5*time.Second || got > ttl {
		t.Errorf("TTL of the prompt key = %v, want about %v", got, ttl)
	}
	got, err := convs.Load(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	if got.PromptMessageID != 99 {
		t.Errorf("PromptMessageID after SavePrompt = %d, want 99", got.PromptMessageID)
	}
	got.Answers = nil // the rest of the conversation is untouched
	want := conv
	want.Answers, want.PromptMessageID = nil, 99
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load after SavePrompt =\n%+v\nwant\n%+v", got, want)
	}

	// The engine answered the question and cleared the prompt: the saved
	// value wins over the recorded one.
	if err := convs.Save(ctx, 7, conv); err != nil {
		t.Fatal(err)
	}
	if got, err := convs.Load(ctx, 7); err != nil || got.PromptMessageID != 0 {
		t.Errorf("after Save: PromptMessageID = %d, %v; want 0", got.PromptMessageID, err)
	}

	if err := convs.SavePrompt(ctx, 7, 100); err != nil {
		t.Fatal(err)
	}
	if err := convs.Delete(ctx, 7); err != nil {
		t.Fatal(err)
	}
	if n := rdb.Exists(ctx, prefix+"conv:{7}", prefix+"prompt:{7}").Val(); n != 0 {
		t.Errorf("%d keys left after Delete, want 0", n)
	}
	// A prompt recorded for a conversation that ended with it is ignored.
	if err := convs.SavePrompt(ctx, 7, 101); err != nil {
		t.Fatal(err)
	}
	if _, err := convs.Load(ctx, 7); !errors.Is(err, flows.ErrNotFound) {
		t.Errorf("Load with only a prompt recorded: error = %v, want ErrNotFound", err)
	}
}
