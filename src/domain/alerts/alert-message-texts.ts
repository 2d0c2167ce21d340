/**
 * Fixed texts of child-alert CAP messages, per console language: localised event names, labels of
 * the description, and the texts of closing (all-clear, cancelled, expired) and redacted messages.
 */

type Lang = 'en' | 'el' | 'bg' | 'ro' | 'sl' | 'sr' | 'uk' | 'hu' | 'ru';

interface MessageTexts {
  eventAbduction: string;
  eventEndangered: string;
  child: string;
  lastSeen: string;
  suspect: string;
  vehicle: string;
  call: string;
  found: string;
  cancelled: string;
  expired: string;
  ended: string;
  photo: string;
}

const TEXTS: Record<Lang, MessageTexts> = {
  en: { eventAbduction: 'Child Abduction', eventEndangered: 'Endangered Missing Child', child: 'Child', lastSeen: 'Last seen', suspect: 'Suspect', vehicle: 'Vehicle', call: 'If you have seen the child, call', found: 'Child found — alert ended', cancelled: 'Alert cancelled', expired: 'Alert ended', ended: 'This alert has ended.', photo: 'Photo of the child' },
  el: { eventAbduction: 'Απαγωγή παιδιού', eventEndangered: 'Εξαφάνιση παιδιού σε κίνδυνο', child: 'Παιδί', lastSeen: 'Εθεάθη τελευταία', suspect: 'Ύποπτος', vehicle: 'Όχημα', call: 'Αν είδατε το παιδί, καλέστε', found: 'Το παιδί βρέθηκε — η ειδοποίηση έληξε', cancelled: 'Η ειδοποίηση ακυρώθηκε', expired: 'Η ειδοποίηση έληξε', ended: 'Αυτή η ειδοποίηση έχει λήξει.', photo: 'Φωτογραφία του παιδιού' },
  bg: { eventAbduction: 'Отвличане на дете', eventEndangered: 'Изчезнало дете в опасност', child: 'Дете', lastSeen: 'Последно видяно', suspect: 'Заподозрян', vehicle: 'Превозно средство', call: 'Ако сте видели детето, обадете се на', found: 'Детето е намерено — сигналът е прекратен', cancelled: 'Сигналът е отменен', expired: 'Сигналът изтече', ended: 'Този сигнал е приключил.', photo: 'Снимка на детето' },
  ro: { eventAbduction: 'Răpire de copil', eventEndangered: 'Copil dispărut în pericol', child: 'Copil', lastSeen: 'Văzut ultima dată', suspect: 'Suspect', vehicle: 'Vehicul', call: 'Dacă ați văzut copilul, sunați la', found: 'Copilul a fost găsit — alerta s-a încheiat', cancelled: 'Alerta a fost anulată', expired: 'Alerta a expirat', ended: 'Această alertă s-a încheiat.', photo: 'Fotografia copilului' },
  sl: { eventAbduction: 'Ugrabitev otroka', eventEndangered: 'Pogrešani otrok v nevarnosti', child: 'Otrok', lastSeen: 'Nazadnje viden', suspect: 'Osumljenec', vehicle: 'Vozilo', call: 'Če ste videli otroka, pokličite', found: 'Otrok je najden — opozorilo je končano', cancelled: 'Opozorilo je preklicano', expired: 'Opozorilo je poteklo', ended: 'To opozorilo je končano.', photo: 'Fotografija otroka' },
  sr: { eventAbduction: 'Отмица детета', eventEndangered: 'Нестало дете у опасности', child: 'Дете', lastSeen: 'Последњи пут виђено', suspect: 'Осумњичени', vehicle: 'Возило', call: 'Ако сте видели дете, позовите', found: 'Дете је пронађено — упозорење је завршено', cancelled: 'Упозорење је опозвано', expired: 'Упозорење је истекло', ended: 'Ово упозорење је завршено.', photo: 'Фотографија детета' },
  uk: { eventAbduction: 'Викрадення дитини', eventEndangered: 'Зникла дитина в небезпеці', child: 'Дитина', lastSeen: 'Востаннє бачили', suspect: 'Підозрюваний', vehicle: 'Транспортний засіб', call: 'Якщо ви бачили дитину, телефонуйте', found: 'Дитину знайдено — сповіщення завершено', cancelled: 'Сповіщення скасовано', expired: 'Термін дії сповіщення завершився', ended: 'Це сповіщення завершено.', photo: 'Фотографія дитини' },
  hu: { eventAbduction: 'Gyermekrablás', eventEndangered: 'Veszélyben lévő eltűnt gyermek', child: 'Gyermek', lastSeen: 'Utoljára látták', suspect: 'Gyanúsított', vehicle: 'Jármű', call: 'Ha látta a gyermeket, hívja a', found: 'A gyermek előkerült — a riasztás véget ért', cancelled: 'A riasztást visszavonták', expired: 'A riasztás lejárt', ended: 'Ez a riasztás véget ért.', photo: 'A gyermek fényképe' },
  ru: { eventAbduction: 'Похищение ребёнка', eventEndangered: 'Пропавший ребёнок в опасности', child: 'Ребёнок', lastSeen: 'Последний раз видели', suspect: 'Подозреваемый', vehicle: 'Транспортное средство', call: 'Если вы видели ребёнка, звоните', found: 'Ребёнок найден — оповещение завершено', cancelled: 'Оповещение отменено', expired: 'Срок оповещения истёк', ended: 'Это оповещение завершено.', photo: 'Фотография ребёнка' },
};

/** The fixed texts of a language (English when the language has none). */
export function messageTextsFor(language: string): MessageTexts {
  return (TEXTS as Record<string, MessageTexts>)[language] ?? TEXTS.en;
}
