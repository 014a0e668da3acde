package flows

// Copy for the field flows: reports, registrations, visits.
var (
	msgReportFiled = Text{"✅ Laporan <b>%s</b> terkirim ke koordinator %s. Anda akan diberi tahu siapa yang menanganinya. Kirim /lapor lagi untuk memperbarui angka.",
		"✅ Report <b>%s</b> sent to the coordinator of %s. You'll be told who takes it. Send /lapor again to update the numbers."}
	msgReportFiledNoCoordinator = Text{"✅ Laporan <b>%s</b> tersimpan. Belum ada koordinator atau admin yang bisa dihubungi; laporan tetap tercatat untuk Dinas Sosial.",
		"✅ Report <b>%s</b> saved. No coordinator or admin can be reached yet; it stays on record for Dinas Sosial."}
	msgTakeReportButton   = Text{"🙋 Ditangani", "🙋 I'll handle it"}
	msgReportCardTitle    = Text{"🚨 <b>LAPORAN KEJADIAN %s</b>", "🚨 <b>INCIDENT REPORT %s</b>"}
	msgVictimsLine        = Text{"meninggal %s · hilang %s · luka berat %s · luka ringan %s", "dead %s · missing %s · seriously injured %s · lightly injured %s"}
	msgFamiliesLine       = Text{"%s KK / %s jiwa", "%s families / %s people"}
	msgHousesLine         = Text{"berat %s · sedang %s · ringan %s · terendam %s", "heavy %s · moderate %s · light %s · flooded %s"}
	msgReportHandledBy    = Text{"🙋 <b>Ditangani oleh %s</b>", "🙋 <b>Handled by %s</b>"}
	msgReportTaken        = Text{"Anda menangani laporan ini. Pelapor sudah diberi tahu.", "You are handling this report. The reporter has been told."}
	msgReportAlreadyTaken = Text{"Laporan ini sudah ditangani koordinator lain.", "Another coordinator already took this report."}
	msgYourReportTaken    = Text{"🙋 Laporan <b>%s</b> ditangani oleh %s (koordinator %s). Hubungi: %s",
		"🙋 Report <b>%s</b> is being handled by %s (coordinator of %s). Contact: %s"}

	msgReportMenu         = Text{"Anda punya laporan yang masih terbuka. Perbarui salah satunya, atau buat laporan baru?", "You have open reports. Update one of them, or file a new one?"}
	msgUpdateReportButton = Text{"🔄 Perbarui %s (%s, %s)", "🔄 Update %s (%s, %s)"}
	msgNewReportButton    = Text{"➕ Laporan baru", "➕ New report"}
	msgUpdatingReport     = Text{"<i>Memperbarui laporan %s.</i>", "<i>Updating report %s.</i>"}
	msgReportUpdated      = Text{"✅ Pembaruan laporan <b>%s</b> terkirim ke koordinator.", "✅ The update to report <b>%s</b> was sent to the coordinator."}
	msgUpdateCardTitle    = Text{"🔄 <b>PEMBARUAN %s</b> · %s", "🔄 <b>UPDATE %s</b> · %s"}
	msgNoChanges          = Text{"(tidak ada angka yang berubah)", "(no figures changed)"}

	msgRTRWInvalid   = Text{"RT/RW belum terbaca. Tulis nomor RT lalu nomor RW.", "I couldn't read the RT/RW. Type the RT number, then the RW number."}
	msgRTRWZero      = Text{"RT dan RW dimulai dari 1. Periksa lagi nomornya.", "RT and RW numbers start at 1. Please check them."}
	msgNIKRegistered = Text{"NIK %s sudah terdaftar di Mitra: <b>%s</b> pada %s. Satu orang cukup diusulkan sekali.",
		"NIK %s is already registered in Mitra: <b>%s</b> on %s. A person needs proposing only once."}
	msgNIKRegisteredName      = Text{"Atas nama %s, %s.", "Name: %s, %s."}
	msgNIKRegisteredElsewhere = Text{"Usulan itu dari kabupaten/kota lain, jadi datanya tidak ditampilkan.", "That proposal is from another kabupaten/kota, so its details are not shown."}
	msgNIKRegionUnknown       = Text{"Kode wilayah NIK (%s) tidak ada di daftar kecamatan saat ini. Ini bisa terjadi karena pemekaran. Apakah NIK sudah benar?",
		"The NIK's region code (%s) isn't in today's list of districts. This can happen after a district split. Is the NIK correct?"}
	msgNIKBirthDiffers = Text{"Tanggal lahir ini berbeda dengan yang tertulis di NIK. Itu bisa terjadi, tapi pastikan sesuai KTP/KK. Sudah benar?",
		"This birth date differs from the one inside the NIK. That happens, but please check the card. Is it correct?"}
	msgNIKSexDiffers    = Text{"Jenis kelamin ini berbeda dengan yang tertulis di NIK. Sudah benar?", "This sex differs from the one inside the NIK. Is it correct?"}
	msgNIKRegionDiffers = Text{"NIK ini diterbitkan di kabupaten/kota lain. Itu wajar bila warga pindah. Sudah benar?",
		"This NIK was issued in another kabupaten/kota. That's normal if the person moved. Is it correct?"}
	msgRegistrationFiled = Text{"✅ Usulan <b>%s</b> untuk %s (NIK %s) tersimpan. Dinas Sosial akan memverifikasinya.",
		"✅ Proposal <b>%s</b> for %s (NIK %s) saved. Dinas Sosial will verify it."}

	msgVisitFiled       = Text{"✅ Kunjungan <b>%s</b> tercatat.", "✅ Visit <b>%s</b> recorded."}
	msgVisitReminder    = Text{"⏰ Pengingat kunjungan ulang: %s. Lihat jadwal dengan /jadwal.", "⏰ Next-visit reminder: %s. See your schedule with /jadwal."}
	msgNoUpcomingVisits = Text{"Tidak ada kunjungan ulang yang dijadwalkan.", "No visits are scheduled."}
	msgUpcomingVisits   = Text{"📅 <b>Kunjungan mendatang</b>", "📅 <b>Upcoming visits</b>"}

	msgConfirmCancel = Text{"Batalkan <b>%s</b>? Jawaban yang sudah diisi akan dihapus.", "Cancel <b>%s</b>? The answers given so far will be deleted."}
	msgCancelYes     = Text{"❌ Ya, batalkan", "❌ Yes, cancel"}
	msgCancelNo      = Text{"↩️ Tidak, lanjutkan", "↩️ No, continue"}
	msgAwayReminder  = Text{"Anda masih punya formulir <b>%s</b> yang belum selesai (dimulai %s). Lanjutkan mengisi? Pesan yang baru Anda kirim dipakai sebagai jawabannya.",
		"You still have an unfinished <b>%s</b> form (started %s). Continue filling it in? The message you just sent will be used as its answer."}
	msgResumeButton = Text{"▶️ Lanjutkan", "▶️ Continue"}
	msgTimeNotYet   = Text{"Pukul %s pada %s belum lewat. Kalau kejadiannya kemarin, tekan ⬅️ Kembali lalu pilih Kemarin; kalau bukan, ketik jam yang sudah lewat.",
		"%s on %s hasn't come yet. If it happened yesterday, tap ⬅️ Back and choose Yesterday; otherwise type a time that has passed."}
	msgMotherUnknown = Text{"Nama ibu kandung termasuk data minimal usulan DTKS dan biasanya tertulis di KK (kolom Nama Orang Tua – Ibu). Lanjut tanpa nama ibu kandung? Dinas Sosial akan melengkapinya saat verifikasi.",
		"The mother's name is a minimum attribute of a DTKS proposal and is usually on the KK (Parents' names – Mother). Go on without it? Dinas Sosial will complete it at verification."}
)
