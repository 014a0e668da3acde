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
