extension LocaleData {
  /// Bahasa Indonesia: the seed page's example language.
  static let idID = LocaleData(
    code: "id-ID", country: "ID", currency: "IDR",
    names: NameData(
      male: [
        "Budi", "Agus", "Andi", "Joko", "Rizky", "Hendra", "Fajar", "Wahyu", "Dedi", "Eko", "Bambang", "Yusuf", "Arif", "Dimas",
        "Rudi", "Teguh",
      ],
      female: [
        "Siti", "Dewi", "Putri", "Sri", "Ayu", "Rina", "Indah", "Nur", "Wulan", "Fitri", "Lestari", "Ratna", "Maya", "Intan",
        "Yuni", "Sari",
      ],
      family: [
        "Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Kusuma", "Nugroho", "Siregar", "Lubis", "Harahap", "Setiawan",
        "Gunawan", "Sihombing", "Susanto", "Permana", "Halim",
      ]),
    greetings: [(0, "malam"), (4, "pagi"), (11, "siang"), (15, "sore"), (18, "malam")],
    collection: SceneDialogue(
      openings: [
        "halo (jeda 1-2 detik) selamat {greeting}", "halo, selamat {greeting}, saya dari layanan penagihan",
        "selamat {greeting}, apakah benar ini dengan pemilik pinjaman?",
      ],
      answers: ["halo", "iya, siapa ini?", "iya, ada apa?"],
      lines: [
        .promiseToPay: DialogueLines(
          robot: [
            "Tagihan Anda sudah jatuh tempo, kapan Anda bisa melakukan pembayaran?", "Baik, jam berapa Anda akan membayar?",
            "Mohon lakukan pembayaran melalui virtual account yang kami kirim.", "Apakah pembayaran akan dilakukan penuh?",
          ],
          user: ["iya, nanti saya bayar", "lewat transfer bank", "iya, penuh", "oke, saya catat"],
          closing: ["Baik, kami catat janji pembayaran Anda. Terima kasih.", "Terima kasih, kami tunggu pembayarannya."],
          promises: ["besok saya transfer", "saya bayar hari jumat", "nanti sore saya bayar", "tanggal 25 saya lunasi"]),
        .alreadyPaid: DialogueLines(
          robot: [
            "Tagihan Anda tercatat belum dibayar.", "Kapan Anda melakukan pembayaran?", "Lewat rekening mana Anda membayar?",
            "Mohon kirimkan bukti transfernya.",
          ],
          user: [
            "sudah saya bayar kemarin", "saya sudah transfer tadi pagi", "lewat mobile banking", "nanti saya kirim buktinya",
          ],
          closing: ["Baik, kami akan cek pembayaran Anda. Terima kasih.", "Terima kasih, data akan kami perbarui."]),
        .refuseToPay: DialogueLines(
          robot: [
            "Tagihan Anda sudah jatuh tempo, kapan Anda bisa membayar?", "Keterlambatan akan menambah denda.",
            "Apakah ada kendala dengan pembayaran?",
          ],
          user: ["saya tidak mau bayar", "jangan telepon saya lagi", "itu bukan urusan saya", "saya tidak punya uang"],
          closing: [
            "Baik, kami akan menghubungi Anda kembali. Terima kasih.", "Mohon segera selesaikan tagihan Anda. Terima kasih.",
          ]),
        .requestInstallment: DialogueLines(
          robot: [
            "Tagihan Anda sudah jatuh tempo, kapan Anda bisa membayar?", "Berapa yang bisa Anda bayar bulan ini?",
            "Kami akan meneruskan permintaan cicilan Anda.",
          ],
          user: ["bisa dicicil tidak?", "saya cuma bisa bayar setengah", "tolong diberi keringanan", "saya belum gajian"],
          closing: [
            "Baik, tim kami akan menghubungi Anda soal cicilan. Terima kasih.", "Terima kasih, permintaan Anda kami catat.",
          ]),
        .followUp: DialogueLines(
          robot: [
            "Apa boleh minta waktunya sebentar?", "Halo? Apa suara saya terdengar?", "mengapa tidak berbicara?",
            "Tagihan Anda sudah jatuh tempo.",
          ],
          user: ["nanti saja", "saya sedang di jalan", "telepon lagi nanti ya", "hmm"],
          closing: ["Baik, kami akan menghubungi Anda lagi. Terima kasih.", "Terima kasih atas waktunya."]),
        .hangUp: DialogueLines(
          robot: ["Halo? Apa suara saya terdengar?"], user: ["halo?", "siapa ini?", "lagi sibuk"],
          closing: ["Terima kasih."]),
        .wrongPerson: DialogueLines(
          robot: ["Apakah saya berbicara dengan pemilik nomor ini?", "Apakah Anda mengenal pemilik pinjaman ini?"],
          user: ["salah sambung", "bukan, ini bukan nomor dia", "saya tidak kenal orangnya", "nomor ini baru saya pakai"],
          closing: ["Mohon maaf atas gangguannya. Terima kasih.", "Baik, maaf mengganggu."]),
      ]),
    marketing: SceneDialogue(
      openings: ["halo, selamat {greeting}", "selamat {greeting}, kami dari layanan pinjaman"],
      answers: ["halo", "iya, siapa ini?", "ya?"],
      lines: [
        .interested: DialogueLines(
          robot: [
            "Kami punya penawaran pinjaman dengan bunga rendah.", "Bunganya mulai 1% per bulan.",
            "Berapa dana yang Anda butuhkan?",
          ],
          user: ["boleh, saya tertarik", "berapa bunganya?", "syaratnya apa saja?", "sekitar lima juta"],
          closing: ["Baik, tim kami akan memproses pengajuan Anda. Terima kasih."]),
        .sendDetails: DialogueLines(
          robot: ["Kami punya penawaran pinjaman dengan bunga rendah.", "Boleh kami kirim detailnya lewat WhatsApp?"],
          user: ["boleh, kirim saja", "kirim lewat WhatsApp ya", "nomor ini ada WhatsApp-nya"],
          closing: ["Baik, detailnya segera kami kirim. Terima kasih."]),
        .callBack: DialogueLines(
          robot: ["Kami punya penawaran pinjaman dengan bunga rendah.", "Kapan waktu yang tepat untuk menghubungi Anda?"],
          user: ["nanti saja", "telepon lagi besok", "saya sedang sibuk"],
          closing: ["Baik, kami akan menghubungi Anda lagi. Terima kasih."]),
        .notInterested: DialogueLines(
          robot: ["Kami punya penawaran pinjaman dengan bunga rendah.", "Apakah Anda tertarik?"],
          user: ["tidak tertarik", "tidak, terima kasih", "saya tidak butuh pinjaman"],
          closing: ["Baik, terima kasih atas waktunya."]),
        .hangUp: DialogueLines(
          robot: ["Halo? Apa suara saya terdengar?"], user: ["halo?", "siapa ini?"], closing: ["Terima kasih."]),
      ]),
    ecommerce: SceneDialogue(
      openings: ["halo, selamat {greeting}, kami dari toko online", "selamat {greeting}, ini konfirmasi pesanan Anda"],
      answers: ["halo", "iya", "iya, siapa ini?"],
      lines: [
        .orderConfirmed: DialogueLines(
          robot: ["Pesanan Anda siap dikirim.", "Apakah alamat pengiriman sudah benar?", "Pembayaran di tempat, benar?"],
          user: ["iya benar", "iya, kirim saja", "betul", "oke"], closing: ["Terima kasih, pesanan akan segera dikirim."]),
        .changeAddress: DialogueLines(
          robot: ["Pesanan Anda siap dikirim.", "Apakah alamat pengiriman sudah benar?", "Silakan sebutkan alamat barunya."],
          user: ["tolong ganti alamat", "kirim ke kantor saya saja", "alamatnya sudah pindah"],
          closing: ["Baik, alamat pengiriman kami perbarui. Terima kasih."]),
        .cancelOrder: DialogueLines(
          robot: ["Pesanan Anda siap dikirim.", "Apakah Anda yakin ingin membatalkan?"],
          user: ["batalkan pesanan", "saya tidak jadi beli", "iya, batalkan saja"], closing: ["Baik, pesanan Anda kami batalkan."]
        ),
        .reschedule: DialogueLines(
          robot: ["Pesanan Anda siap dikirim.", "Kapan waktu yang tepat untuk pengiriman?"],
          user: ["sore saja", "besok saja", "minggu depan ya"], closing: ["Baik, jadwal pengiriman kami ubah. Terima kasih."]),
        .hangUp: DialogueLines(
          robot: ["Halo? Apa suara saya terdengar?"], user: ["halo?", "siapa ini?"], closing: ["Terima kasih."]),
      ]))
}
