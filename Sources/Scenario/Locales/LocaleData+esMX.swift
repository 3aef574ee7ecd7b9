extension LocaleData {
  /// Mexican Spanish: given name and two family names (paternal, maternal).
  static let esMX = LocaleData(
    code: "es-MX", country: "MX", currency: "MXN",
    names: NameData(
      male: [
        "José", "Juan", "Luis", "Carlos", "Jorge", "Miguel", "Alejandro", "Francisco", "Fernando", "Ricardo", "Eduardo", "Javier",
      ],
      female: [
        "María", "Guadalupe", "Juana", "Margarita", "Verónica", "Leticia", "Rosa", "Patricia", "Alejandra", "Gabriela", "Adriana",
        "Elizabeth",
      ],
      family: [
        "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz", "Flores",
        "Gómez",
      ],
      twoFamilyNames: true),
    greetings: [(0, "buenas noches"), (5, "buenos días"), (12, "buenas tardes"), (20, "buenas noches")],
    collection: SceneDialogue(
      openings: [
        "Hola, {greeting}.", "{greeting}, le llamamos del área de cobranza.",
        "Hola, {greeting}, ¿hablo con el titular del crédito?",
      ],
      answers: ["bueno", "sí, ¿quién habla?", "¿sí?"],
      lines: [
        .promiseToPay: DialogueLines(
          robot: [
            "Su crédito tiene un pago vencido. ¿Cuándo podría pagar?", "¿A qué hora realizará el pago?",
            "Por favor pague con la referencia que le enviamos.", "¿Pagará el monto completo?",
          ],
          user: ["sí, voy a pagar", "por transferencia", "sí, completo", "está bien, lo anoto"],
          closing: ["Gracias, registramos su promesa de pago.", "Gracias, quedamos en espera de su pago."],
          promises: ["mañana le pago", "el viernes pago", "hoy en la tarde pago", "el día 25 liquido"]),
        .alreadyPaid: DialogueLines(
          robot: [
            "Nuestro sistema muestra un saldo pendiente.", "¿Cuándo realizó el pago?", "Por favor envíenos su comprobante.",
          ],
          user: ["ya pagué ayer", "pagué esta mañana", "pagué en el Oxxo", "le mando el comprobante"],
          closing: ["Gracias, verificaremos su pago.", "Gracias, actualizaremos su cuenta."]),
        .refuseToPay: DialogueLines(
          robot: [
            "Su crédito tiene un pago vencido. ¿Cuándo podría pagar?", "Los atrasos generan intereses moratorios.",
            "¿Tiene algún problema para pagar?",
          ],
          user: ["no voy a pagar", "ya no me llamen", "no es mi problema", "no tengo dinero"],
          closing: ["Le volveremos a llamar. Hasta luego.", "Le pedimos regularizar su cuenta pronto. Hasta luego."]),
        .requestInstallment: DialogueLines(
          robot: [
            "Su crédito tiene un pago vencido. ¿Cuándo podría pagar?", "¿Cuánto puede pagar este mes?",
            "Turnaremos su solicitud.",
          ],
          user: ["¿puedo pagar en parcialidades?", "solo puedo pagar la mitad", "deme más tiempo", "todavía no me pagan"],
          closing: ["Un asesor le llamará sobre las parcialidades. Gracias.", "Gracias, registramos su solicitud."]),
        .followUp: DialogueLines(
          robot: ["¿Me permite un momento?", "¿Bueno? ¿Me escucha?", "Su crédito tiene un pago vencido."],
          user: ["luego", "voy manejando", "llámeme más tarde", "mmm"],
          closing: ["Le llamaremos de nuevo. Gracias.", "Gracias por su tiempo."]),
        .hangUp: DialogueLines(
          robot: ["¿Bueno? ¿Me escucha?"], user: ["¿bueno?", "¿quién habla?", "estoy ocupado"], closing: ["Gracias."]),
        .wrongPerson: DialogueLines(
          robot: ["¿Hablo con el titular de este número?", "¿Conoce usted al titular del crédito?"],
          user: ["número equivocado", "no, no soy yo", "no conozco a esa persona", "este número es nuevo"],
          closing: ["Disculpe la molestia. Hasta luego.", "Perdone la molestia."]),
      ]),
    marketing: SceneDialogue(
      openings: ["Hola, {greeting}.", "{greeting}, le llamamos con una oferta de su banco."],
      answers: ["bueno", "sí, ¿quién habla?", "¿sí?"],
      lines: [
        .interested: DialogueLines(
          robot: ["Tenemos un préstamo con tasa preferencial.", "La tasa empieza en 1% mensual.", "¿Qué monto necesita?"],
          user: ["sí, me interesa", "¿cuál es la tasa?", "¿qué requisitos piden?", "unos veinte mil"],
          closing: ["Un asesor procesará su solicitud. Gracias."]),
        .sendDetails: DialogueLines(
          robot: ["Tenemos un préstamo con tasa preferencial.", "¿Le enviamos la información por WhatsApp?"],
          user: ["sí, mándela", "por WhatsApp, por favor", "este número tiene WhatsApp"],
          closing: ["En breve le enviamos la información. Gracias."]),
        .callBack: DialogueLines(
          robot: ["Tenemos un préstamo con tasa preferencial.", "¿Cuándo le podemos llamar?"],
          user: ["luego", "llámeme mañana", "ahorita estoy ocupado"], closing: ["Le llamaremos de nuevo. Gracias."]),
        .notInterested: DialogueLines(
          robot: ["Tenemos un préstamo con tasa preferencial.", "¿Le interesa?"],
          user: ["no me interesa", "no, gracias", "no necesito un préstamo"], closing: ["Gracias por su tiempo."]),
        .hangUp: DialogueLines(robot: ["¿Bueno? ¿Me escucha?"], user: ["¿bueno?", "¿quién habla?"], closing: ["Gracias."]),
      ]),
    ecommerce: SceneDialogue(
      openings: ["Hola, {greeting}, le llamamos de su tienda en línea.", "{greeting}, le llamamos para confirmar su pedido."],
      answers: ["bueno", "sí", "sí, ¿quién habla?"],
      lines: [
        .orderConfirmed: DialogueLines(
          robot: [
            "Su pedido está listo para enviarse.", "¿Su dirección de entrega sigue siendo la misma?",
            "Pagará contra entrega, ¿correcto?",
          ],
          user: ["sí, es correcto", "sí, envíenlo", "correcto", "está bien"], closing: ["Gracias, su pedido saldrá pronto."]),
        .changeAddress: DialogueLines(
          robot: [
            "Su pedido está listo para enviarse.", "¿Su dirección de entrega sigue siendo la misma?",
            "Dígame la nueva dirección, por favor.",
          ],
          user: ["cambien la dirección, por favor", "envíenlo a mi oficina", "ya me cambié de casa"],
          closing: ["Actualizamos la dirección de entrega. Gracias."]),
        .cancelOrder: DialogueLines(
          robot: ["Su pedido está listo para enviarse.", "¿Está seguro de que desea cancelar?"],
          user: ["cancelen el pedido", "ya no lo quiero", "sí, cancélenlo"], closing: ["Su pedido fue cancelado."]),
        .reschedule: DialogueLines(
          robot: ["Su pedido está listo para enviarse.", "¿Cuándo le conviene recibirlo?"],
          user: ["en la tarde está bien", "mañana, por favor", "la próxima semana"],
          closing: ["Reprogramamos su entrega. Gracias."]),
        .hangUp: DialogueLines(robot: ["¿Bueno? ¿Me escucha?"], user: ["¿bueno?", "¿quién habla?"], closing: ["Gracias."]),
      ]))
}
