import type { Language } from '../../common/roles.js';

interface ErrorDefinition {
  status: number;
  title: Record<Language, string>;
}

/**
 * The one catalogue of error codes. Codes are stable strings that clients may rely on; the
 * problem+json `title` is the translation in the caller's language.
 */
export const ERRORS = {
  'request.invalid': {
    status: 400,
    title: {
      kk: 'Сұрау дұрыс емес',
      ru: 'Некорректный запрос',
      en: 'The request is not valid',
    },
  },
  'request.too_large': {
    status: 413,
    title: {
      kk: 'Сұрау тым үлкен',
      ru: 'Слишком большой запрос',
      en: 'The request is too large',
    },
  },
  'request.unsupported_media_type': {
    status: 415,
    title: {
      kk: 'Бұл мазмұн түрі қабылданбайды',
      ru: 'Этот тип содержимого не поддерживается',
      en: 'This content type is not supported',
    },
  },
  'request.rate_limited': {
    status: 429,
    title: {
      kk: 'Сұраулар тым көп. Сәл кейінірек қайталаңыз',
      ru: 'Слишком много запросов. Повторите немного позже',
      en: 'Too many requests. Try again a little later',
    },
  },
  'auth.required': {
    status: 401,
    title: {
      kk: 'Жүйеге кіру қажет',
      ru: 'Требуется вход в систему',
      en: 'Sign-in is required',
    },
  },
  'auth.session_expired': {
    status: 401,
    title: {
      kk: 'Сессия аяқталды. Қайта кіріңіз',
      ru: 'Сеанс истёк. Войдите снова',
      en: 'Your session has ended. Please sign in again',
    },
  },
  'auth.invalid_credentials': {
    status: 401,
    title: {
      kk: 'Логин, құпиясөз немесе растау коды қате',
      ru: 'Неверный логин, пароль или код подтверждения',
      en: 'The username, password or verification code is wrong',
    },
  },
  'auth.locked': {
    status: 423,
    title: {
      kk: 'Тіркелгі уақытша бұғатталған. 10 минуттан кейін қайталаңыз немесе әкімшіге хабарласыңыз',
      ru: 'Учётная запись временно заблокирована. Повторите через 10 минут или обратитесь к администратору',
      en: 'The account is temporarily locked. Try again in 10 minutes or ask an administrator',
    },
  },
  'auth.throttled': {
    status: 429,
    title: {
      kk: 'Бұл мекенжайдан сәтсіз кіру әрекеттері тым көп. Кейінірек қайталаңыз',
      ru: 'Слишком много неудачных попыток входа с этого адреса. Повторите позже',
      en: 'Too many failed sign-ins from this address. Try again later',
    },
  },
  'auth.api_key_invalid': {
    status: 401,
    title: {
      kk: 'API кілті жарамсыз',
      ru: 'Недействительный ключ API',
      en: 'The API key is not valid',
    },
  },
  'auth.forbidden': {
    status: 403,
    title: {
      kk: 'Бұл әрекетке рұқсатыңыз жоқ',
      ru: 'У вас нет прав на это действие',
      en: 'You are not allowed to do this',
    },
  },
  'auth.csrf': {
    status: 403,
    title: {
      kk: 'Сұрау басқа сайттан жіберілген',
      ru: 'Запрос отправлен с другого сайта',
      en: 'The request came from another site',
    },
  },
  'password.too_short': {
    status: 422,
    title: {
      kk: 'Құпиясөз кемінде 8 таңбадан тұруы керек',
      ru: 'Пароль должен содержать не менее 8 символов',
      en: 'The password must be at least 8 characters long',
    },
  },
  'password.too_long': {
    status: 422,
    title: {
      kk: 'Құпиясөз 128 таңбадан аспауы керек',
      ru: 'Пароль должен быть не длиннее 128 символов',
      en: 'The password must be at most 128 characters long',
    },
  },
  'password.common': {
    status: 422,
    title: {
      kk: 'Бұл құпиясөз тым кең таралған. Басқасын таңдаңыз',
      ru: 'Этот пароль слишком распространён. Выберите другой',
      en: 'This password is too common. Choose another one',
    },
  },
  'user.not_found': {
    status: 404,
    title: {
      kk: 'Пайдаланушы табылмады',
      ru: 'Пользователь не найден',
      en: 'User not found',
    },
  },
  'user.username_taken': {
    status: 409,
    title: {
      kk: 'Бұл логин бос емес',
      ru: 'Этот логин уже занят',
      en: 'This username is already taken',
    },
  },
  'jurisdiction.invalid': {
    status: 422,
    title: {
      kk: 'Юрисдикция дұрыс көрсетілмеген',
      ru: 'Юрисдикция указана неверно',
      en: 'The jurisdiction is not valid',
    },
  },
  'jurisdiction.outside': {
    status: 403,
    title: {
      kk: 'Бұл сіздің юрисдикцияңыздан тыс',
      ru: 'Это за пределами вашей юрисдикции',
      en: 'This is outside your jurisdiction',
    },
  },
  'api_key.not_found': {
    status: 404,
    title: {
      kk: 'API кілті табылмады',
      ru: 'Ключ API не найден',
      en: 'API key not found',
    },
  },
  'geo.outside_kazakhstan': {
    status: 422,
    title: {
      kk: 'Нүкте Қазақстан аумағынан тыс',
      ru: 'Точка находится за пределами Казахстана',
      en: 'The point is outside Kazakhstan',
    },
  },
  'geo.invalid_coordinates': {
    status: 400,
    title: {
      kk: 'Координаттар дұрыс емес (бойлық −180…180, ендік −90…90)',
      ru: 'Неверные координаты (долгота −180…180, широта −90…90)',
      en: 'The coordinates are not valid (longitude −180…180, latitude −90…90)',
    },
  },
  'iin.invalid': {
    status: 422,
    title: {
      kk: 'ЖСН дұрыс емес: 12 цифр және бақылау цифры',
      ru: 'Неверный ИИН: 12 цифр с контрольной цифрой',
      en: 'The IIN is not valid: 12 digits with a check digit',
    },
  },
  'incident.not_found': {
    status: 404,
    title: {
      kk: 'Оқиға табылмады',
      ru: 'Происшествие не найдено',
      en: 'Incident not found',
    },
  },
  'category.unknown': {
    status: 400,
    title: {
      kk: 'Мұндай санат жоқ',
      ru: 'Такой категории нет',
      en: 'There is no such category',
    },
  },
  'category.not_reportable': {
    status: 422,
    title: {
      kk: 'Бұл санат бойынша азаматтар хабарлама жібере алмайды',
      ru: 'По этой категории граждане не могут подавать сообщения',
      en: 'Citizens cannot report in this category',
    },
  },
  'report.anonymous_with_contact': {
    status: 400,
    title: {
      kk: 'Жасырын хабарламада байланыс деректері болмауы керек',
      ru: 'Анонимное сообщение не должно содержать контактных данных',
      en: 'An anonymous report must not carry contact details',
    },
  },
  'report.occurred_in_future': {
    status: 400,
    title: {
      kk: 'Оқиға уақыты болашақта болуы мүмкін емес',
      ru: 'Время происшествия не может быть в будущем',
      en: 'The time of the incident cannot be in the future',
    },
  },
  'report.not_found': {
    status: 404,
    title: {
      kk: 'Бұл бақылау коды бойынша хабарлама табылмады',
      ru: 'Сообщение с таким кодом отслеживания не найдено',
      en: 'No report has this tracking code',
    },
  },
  'report.multipart_invalid': {
    status: 400,
    title: {
      kk: 'Хабарлама бөліктері дұрыс емес: JSON түріндегі бір «report» бөлігі және «media» файлдары керек',
      ru: 'Неверные части сообщения: нужна одна часть «report» в JSON и файлы «media»',
      en: 'The report’s parts are not valid: send one “report” part as JSON and “media” files',
    },
  },
  'media.unsupported_type': {
    status: 415,
    title: {
      kk: 'Бұл файл түрі қабылданбайды: фото (JPEG, PNG, WebP), аудио немесе бейне жіберіңіз',
      ru: 'Этот тип файла не принимается: отправьте фото (JPEG, PNG, WebP), аудио или видео',
      en: 'This kind of file is not accepted: send a photo (JPEG, PNG, WebP), audio or video',
    },
  },
  'media.too_large': {
    status: 413,
    title: {
      kk: 'Файл тым үлкен',
      ru: 'Файл слишком большой',
      en: 'The file is too large',
    },
  },
  'media.too_many_files': {
    status: 413,
    title: {
      kk: 'Бір хабарламаға файлдар тым көп',
      ru: 'Слишком много файлов в одном сообщении',
      en: 'Too many files on one report',
    },
  },
  'media.not_found': {
    status: 404,
    title: {
      kk: 'Файл табылмады',
      ru: 'Файл не найден',
      en: 'No such file',
    },
  },
  'incident.merge_invalid': {
    status: 409,
    title: {
      kk: 'Бұл хабарламаларды біріктіруге болмайды: біріктірілетіні жаңа не қаралған, ал негізгісі ашық болуы керек',
      ru: 'Эти сообщения нельзя объединить: объединяемое должно быть новым или рассмотренным, а основное — открытым',
      en: 'These reports cannot be merged: the one merged must be new or triaged, and the one kept must be open',
    },
  },
  'idempotency.mismatch': {
    status: 422,
    title: {
      kk: 'Бұл Idempotency-Key кілті басқа сұрауға қолданылған',
      ru: 'Этот ключ Idempotency-Key уже использован для другого запроса',
      en: 'This Idempotency-Key was already used for a different request',
    },
  },
  'idempotency.in_flight': {
    status: 409,
    title: {
      kk: 'Осы Idempotency-Key кілтімен жіберілген сұрау әлі өңделуде. Сәл кейінірек қайталаңыз',
      ru: 'Запрос с этим ключом Idempotency-Key ещё обрабатывается. Повторите немного позже',
      en: 'A request with this Idempotency-Key is still being processed. Try again a little later',
    },
  },
  'sos.signature_invalid': {
    status: 401,
    title: {
      kk: 'SOS құрылғысының қолтаңбасы жоқ немесе дұрыс емес',
      ru: 'Подпись SOS-устройства отсутствует или неверна',
      en: 'The SOS device signature is missing or wrong',
    },
  },
  'sos.stale': {
    status: 401,
    title: {
      kk: 'Сұрау уақыты сервер уақытынан 60 секундтан артық ерекшеленеді',
      ru: 'Время запроса отличается от времени сервера более чем на 60 секунд',
      en: 'The request time differs from the server clock by more than 60 seconds',
    },
  },
  'sos.replay': {
    status: 409,
    title: {
      kk: 'Бұл қолтаңбасы бар сұрау бұрын қабылданған',
      ru: 'Запрос с этой подписью уже был принят',
      en: 'A request with this signature was already accepted',
    },
  },
  'sos.device_unknown': {
    status: 403,
    title: {
      kk: 'Бұл кілт тіркелген SOS құрылғысына тиесілі емес',
      ru: 'Этот ключ не принадлежит зарегистрированному SOS-устройству',
      en: 'This key does not belong to a registered SOS device',
    },
  },
  'sos.device_not_found': {
    status: 404,
    title: {
      kk: 'SOS құрылғысы табылмады',
      ru: 'SOS-устройство не найдено',
      en: 'SOS device not found',
    },
  },
  'sos.device_wrong_kind': {
    status: 403,
    title: {
      kk: 'Бұл түрдегі құрылғы мұндай сұрау жібере алмайды',
      ru: 'Устройство этого типа не может отправлять такой запрос',
      en: 'A device of this kind cannot send this request',
    },
  },
  'camera.snapshot_invalid': {
    status: 415,
    title: {
      kk: 'Камера кадры JPEG немесе PNG суреті болуы керек',
      ru: 'Кадр с камеры должен быть изображением JPEG или PNG',
      en: 'The camera snapshot must be a JPEG or PNG image',
    },
  },
  'camera.event_type_not_registered': {
    status: 422,
    title: {
      kk: 'Бұл камера мұндай оқиға түрін жіберуге тіркелмеген',
      ru: 'Эта камера не зарегистрирована для событий такого типа',
      en: 'This camera is not registered to send events of this type',
    },
  },
  'sos.device_revoked': {
    status: 409,
    title: {
      kk: 'Құрылғы қолданыстан шығарылған, оны өзгерту мүмкін емес',
      ru: 'Устройство выведено из эксплуатации, изменить его нельзя',
      en: 'The device has been revoked and can no longer be changed',
    },
  },
  'sos.alert_not_found': {
    status: 404,
    title: {
      kk: 'SOS дабылы табылмады',
      ru: 'SOS-сигнал не найден',
      en: 'SOS alert not found',
    },
  },
  'sos.alert_acknowledged': {
    status: 409,
    title: {
      kk: 'Бұл SOS дабылын басқа оператор қабылдап қойған',
      ru: 'Этот SOS-сигнал уже принят другим оператором',
      en: 'Another operator has already acknowledged this SOS alert',
    },
  },
  'incident.invalid_transition': {
    status: 409,
    title: {
      kk: 'Оқиғаны бұл мәртебеге ауыстыру мүмкін емес',
      ru: 'Происшествие нельзя перевести в этот статус',
      en: 'The incident cannot move to this status',
    },
  },
  'incident.reason_required': {
    status: 422,
    title: {
      kk: 'Себебін көрсетіңіз',
      ru: 'Укажите причину',
      en: 'A reason is required',
    },
  },
  'incident.circumstances_merged': {
    status: 409,
    title: {
      kk: 'Бұл хабарлама басқа оқиғаға біріктірілген: мән-жайды сол оқиғаға жазыңыз',
      ru: 'Это сообщение объединено с другим происшествием: укажите обстоятельства в нём',
      en: 'This report was merged into another incident: record the circumstances on that one',
    },
  },
  'incident.circumstances_cancelled': {
    status: 409,
    title: {
      kk: 'Оқиға жойылған және есепке кірмейді: мән-жайын жазу мүмкін емес',
      ru: 'Происшествие отменено и нигде не учитывается: обстоятельства не записываются',
      en: 'The incident was cancelled and counts nowhere: its circumstances cannot be recorded',
    },
  },
  'incident.outcome_not_a_crime': {
    status: 409,
    title: {
      kk: 'Тергеу нәтижесі тек қылмыс санатындағы оқиғаға жазылады',
      ru: 'Итог расследования записывается только для происшествий категории «преступление»',
      en: 'An investigation outcome is recorded only for an incident in a crime category',
    },
  },
  'incident.outcome_merged': {
    status: 409,
    title: {
      kk: 'Бұл хабарлама басқа оқиғаға біріктірілген: тергеу нәтижесін сол оқиғаға жазыңыз',
      ru: 'Это сообщение объединено с другим происшествием: укажите итог расследования в нём',
      en: 'This report was merged into another incident: record the investigation outcome on that one',
    },
  },
  'incident.outcome_cancelled': {
    status: 409,
    title: {
      kk: 'Оқиға жойылған және есепке кірмейді: тергеу нәтижесін жазу мүмкін емес',
      ru: 'Происшествие отменено и нигде не учитывается: итог расследования не записывается',
      en: 'The incident was cancelled and counts nowhere: its investigation outcome cannot be recorded',
    },
  },
  'incident.outcome_incomplete': {
    status: 400,
    title: {
      kk: 'Нәтиже мен шешім күнін бірге көрсетіңіз немесе екеуін де бос қалдырыңыз',
      ru: 'Укажите итог вместе с датой решения или оставьте пустыми оба',
      en: 'Give the outcome together with the day of the decision, or leave both empty',
    },
  },
  'incident.outcome_in_future': {
    status: 400,
    title: {
      kk: 'Шешім күні болашақта болуы мүмкін емес',
      ru: 'Дата решения не может быть в будущем',
      en: 'The day of the decision cannot be in the future',
    },
  },
  'incident.outcome_before_occurred': {
    status: 400,
    title: {
      kk: 'Шешім күні оқиға болған күннен ерте болуы мүмкін емес',
      ru: 'Дата решения не может быть раньше дня происшествия',
      en: 'The day of the decision cannot be before the day the incident occurred',
    },
  },
  'dispatch.unit_not_found': {
    status: 404,
    title: {
      kk: 'Жасақ табылмады',
      ru: 'Наряд не найден',
      en: 'Unit not found',
    },
  },
  'dispatch.not_unit_member': {
    status: 403,
    title: {
      kk: 'Сіз бұл жасақтың құрамында емессіз',
      ru: 'Вы не входите в состав этого наряда',
      en: 'You are not a member of this unit',
    },
  },
  'dispatch.unit_busy': {
    status: 409,
    title: {
      kk: 'Жасақ басқа белсенді оқиғаға жіберілген',
      ru: 'Наряд уже направлен на другое активное происшествие',
      en: 'The unit is already assigned to another active incident',
    },
  },
  'dispatch.unit_unavailable': {
    status: 409,
    title: {
      kk: 'Жасақ қазір жіберуге дайын емес',
      ru: 'Наряд сейчас недоступен для направления',
      en: 'The unit is not available for dispatch',
    },
  },
  'dispatch.unit_on_assignment': {
    status: 409,
    title: {
      kk: 'Жасақтың белсенді тапсырмасы бар: алдымен оны аяқтаңыз',
      ru: 'У наряда есть активное задание: сначала завершите его',
      en: 'The unit has an active assignment: finish it first',
    },
  },
  'dispatch.call_sign_taken': {
    status: 409,
    title: {
      kk: 'Бұл шақыру белгісі өңірде бос емес',
      ru: 'Этот позывной в регионе уже занят',
      en: 'This call sign is already used in the region',
    },
  },
  'dispatch.member_unknown': {
    status: 422,
    title: {
      kk: 'Жасақ құрамындағы пайдаланушы табылмады',
      ru: 'Пользователь из состава наряда не найден',
      en: 'A unit member is not a known user',
    },
  },
  'dispatch.assignment_not_found': {
    status: 404,
    title: {
      kk: 'Тапсырма табылмады',
      ru: 'Задание не найдено',
      en: 'Assignment not found',
    },
  },
  'dispatch.assignment_state': {
    status: 409,
    title: {
      kk: 'Тапсырманың қазіргі күйінде бұл әрекет мүмкін емес',
      ru: 'В текущем состоянии задания это действие невозможно',
      en: 'This step is not possible in the assignment’s current state',
    },
  },
  'dispatch.incident_without_location': {
    status: 422,
    title: {
      kk: 'Оқиғаның орны белгісіз',
      ru: 'Место происшествия неизвестно',
      en: 'The incident has no location',
    },
  },
  'prevention.register_entry_not_found': {
    status: 404,
    title: {
      kk: 'Профилактикалық есептегі жазба табылмады',
      ru: 'Запись профилактического учёта не найдена',
      en: 'Preventive register entry not found',
    },
  },
  'prevention.register_contact_not_found': {
    status: 404,
    title: {
      kk: 'Жоспарланған бару немесе байланыс табылмады',
      ru: 'Запланированное посещение или контакт не найдены',
      en: 'Planned visit or contact not found',
    },
  },
  'prevention.register_term_exceeded': {
    status: 400,
    title: {
      kk: 'Аяқталу күні құқықтық негіз рұқсат ететін мерзімнен асып кетеді',
      ru: 'Дата окончания выходит за срок, который допускает правовое основание',
      en: 'The end date is beyond what the legal basis allows',
    },
  },
  'prevention.register_dates_invalid': {
    status: 400,
    title: {
      kk: 'Күндер дұрыс емес: басталуы ≤ қайта қарау ≤ аяқталуы, қайта қарау негіздің аралығынан кешікпеуі керек',
      ru: 'Неверные даты: начало ≤ пересмотр ≤ окончание, а пересмотр не позже срока, установленного для основания',
      en: 'The dates are not valid: start ≤ review ≤ end, and the review no later than the basis’s interval',
    },
  },
  'prevention.register_team_only': {
    status: 403,
    title: {
      kk: 'Бұл жазбаны тек жауапты учаскелік, оның басшысы және тағайындалған серіктес көре алады',
      ru: 'Эту запись видят только ответственный участковый, его руководитель и назначенный партнёр',
      en: 'Only the responsible inspector, their supervisor and the assigned partner can see this entry',
    },
  },
  'prevention.register_closed': {
    status: 409,
    title: {
      kk: 'Жазба жабылған',
      ru: 'Запись закрыта',
      en: 'The entry is closed',
    },
  },
  'prevention.register_contact_done': {
    status: 409,
    title: {
      kk: 'Бұл барудың нәтижесі жазылып қойған',
      ru: 'Результат этого посещения уже записан',
      en: 'This visit’s outcome has already been recorded',
    },
  },
  'prevention.register_handover_forbidden': {
    status: 403,
    title: {
      kk: 'Жазбаны басқа қызметкерге тек аумақ басшысы немесе жауапты учаскелік бере алады',
      ru: 'Передать запись другому сотруднику может только руководитель участка или ответственный участковый',
      en: 'Only the area’s supervisor or the responsible inspector can hand this entry to another officer',
    },
  },
  'prevention.register_handover_target': {
    status: 422,
    title: {
      kk: 'Таңдалған адам жазбаның орнына жауап беретін белсенді учаскелік емес',
      ru: 'Выбранный сотрудник не является действующим участковым, отвечающим за место записи',
      en: 'The chosen person is not an active officer covering the entry’s place',
    },
  },
  'prevention.register_handover_same_officer': {
    status: 422,
    title: {
      kk: 'Жазба осы қызметкерге бекітілген',
      ru: 'Запись уже закреплена за этим сотрудником',
      en: 'The entry is already this officer’s',
    },
  },
  'prevention.register_handover_reason': {
    status: 400,
    title: {
      kk: 'Беру себебін 10–1000 таңбамен жазыңыз',
      ru: 'Укажите причину передачи: от 10 до 1000 символов',
      en: 'Give the reason for the handover in 10 to 1000 characters',
    },
  },
  'prevention.register_handover_conflict': {
    status: 409,
    title: {
      kk: 'Жазбаның жауаптысы жаңа ғана өзгерді; бетті жаңартып, қайталаңыз',
      ru: 'Ответственный за запись только что сменился; обновите страницу и повторите',
      en: 'The entry’s responsible officer has just changed; reload and try again',
    },
  },
  'prevention.case_not_found': {
    status: 404,
    title: {
      kk: 'Іс табылмады',
      ru: 'Дело не найдено',
      en: 'Case not found',
    },
  },
  'prevention.assessment_incomplete': {
    status: 422,
    title: {
      kk: 'Сауалнаманың әр сұрағына бір рет жауап беру керек',
      ru: 'На каждый вопрос анкеты нужно ответить один раз',
      en: 'Every question of the questionnaire must be answered once',
    },
  },
  'prevention.judgement_cannot_lower': {
    status: 422,
    title: {
      kk: 'Кәсіби пікір қауіп деңгейін төмендете алмайды',
      ru: 'Профессиональное суждение не может понизить уровень риска',
      en: 'Professional judgement cannot lower the risk grade',
    },
  },
  'prevention.rationale_required': {
    status: 422,
    title: {
      kk: 'Қауіп деңгейін көтеру үшін негіздеме жазыңыз',
      ru: 'Для повышения уровня риска укажите обоснование',
      en: 'Raising the risk grade needs a written rationale',
    },
  },
  'prevention.order_term_invalid': {
    status: 422,
    title: {
      kk: 'Нұсқаманың мерзімі заңда белгіленген шектен тыс',
      ru: 'Срок предписания вне установленных законом пределов',
      en: 'The order’s term is outside what the law allows',
    },
  },
  'prevention.order_not_found': {
    status: 404,
    title: {
      kk: 'Қорғау нұсқамасы табылмады',
      ru: 'Защитное предписание не найдено',
      en: 'Protection order not found',
    },
  },
  'prevention.order_not_in_force': {
    status: 422,
    title: {
      kk: 'Бұзушылық кезінде нұсқама күшінде болған жоқ',
      ru: 'Предписание не действовало в момент нарушения',
      en: 'The order was not in force at the time of the violation',
    },
  },
  'prevention.conference_not_found': {
    status: 404,
    title: {
      kk: 'Тәуекел жөніндегі кеңес табылмады',
      ru: 'Совещание по рискам не найдено',
      en: 'Risk conference not found',
    },
  },
  'prevention.case_not_on_agenda': {
    status: 422,
    title: {
      kk: 'Бұл іс кеңестің күн тәртібінде жоқ',
      ru: 'Этого дела нет в повестке совещания',
      en: 'This case is not on the conference’s agenda',
    },
  },
  'prevention.agency_not_participating': {
    status: 422,
    title: {
      kk: 'Бұл ведомство кеңеске қатыспайды',
      ru: 'Это ведомство не участвует в совещании',
      en: 'This agency does not take part in the conference',
    },
  },
  'prevention.partner_without_agency': {
    status: 403,
    title: {
      kk: 'Сіздің тіркелгіңіз ешбір ведомствоға байланыстырылмаған',
      ru: 'Ваша учётная запись не привязана ни к одному ведомству',
      en: 'Your account is not linked to an agency',
    },
  },
  'prevention.action_not_found': {
    status: 404,
    title: {
      kk: 'Қауіпсіздік жоспарының іс-шарасы табылмады',
      ru: 'Мероприятие плана безопасности не найдено',
      en: 'Safety-plan action not found',
    },
  },
  'prevention.action_completed': {
    status: 409,
    title: {
      kk: 'Бұл іс-шара орындалған',
      ru: 'Это мероприятие уже выполнено',
      en: 'This action is already done',
    },
  },
  'prevention.centre_not_found': {
    status: 404,
    title: {
      kk: 'Дағдарыс орталығы табылмады',
      ru: 'Кризисный центр не найден',
      en: 'Crisis centre not found',
    },
  },
  'prevention.centre_over_capacity': {
    status: 422,
    title: {
      kk: 'Бос емес орындар жалпы орын санынан аспауы керек',
      ru: 'Занятых мест не может быть больше, чем всего мест',
      en: 'Occupied beds cannot exceed the beds there are',
    },
  },
  'prevention.centre_referral_not_found': {
    status: 404,
    title: {
      kk: 'Дағдарыс орталығына жолдама табылмады',
      ru: 'Направление в кризисный центр не найдено',
      en: 'Crisis-centre referral not found',
    },
  },
  'prevention.refusal_reason_required': {
    status: 422,
    title: {
      kk: 'Бас тарту себебін көрсетіңіз',
      ru: 'Укажите причину отказа',
      en: 'A refusal needs a reason',
    },
  },
  'prevention.centre_referral_decided': {
    status: 409,
    title: {
      kk: 'Бұл жолдама бойынша шешім қабылданған',
      ru: 'По этому направлению решение уже принято',
      en: 'This referral has already been decided',
    },
  },
  'prevention.centre_full': {
    status: 409,
    title: {
      kk: 'Орталықта қажетті бос орын жоқ',
      ru: 'В центре нет нужного числа свободных мест',
      en: 'The centre does not have the beds free',
    },
  },
  'prevention.break_glass_required': {
    status: 403,
    title: {
      kk: 'Сіз бұл істің тобында емессіз. Ашу үшін себебін жазып, «шыны сындыру» керек',
      ru: 'Вы не входите в команду дела. Чтобы открыть его, укажите причину («разбить стекло»)',
      en: 'You are not on this case’s team. To open it, break the glass and give your reason',
    },
  },
  'prevention.case_team_only': {
    status: 403,
    title: {
      kk: 'Мұны тек істің тобы мен басшы көре алады',
      ru: 'Это доступно только команде дела и руководителю',
      en: 'Only the case team and supervisors can do this',
    },
  },
  'prevention.programme_provider_not_found': {
    status: 404,
    title: {
      kk: 'Бағдарлама жеткізушісі табылмады',
      ru: 'Организация, проводящая программу, не найдена',
      en: 'Programme provider not found',
    },
  },
  'prevention.programme_not_found': {
    status: 404,
    title: {
      kk: 'Бағдарламаға жазылу табылмады',
      ru: 'Направление на программу не найдено',
      en: 'Programme enrolment not found',
    },
  },
  'prevention.programme_person_not_aggressor': {
    status: 422,
    title: {
      kk: 'Бағдарламаға тек осы істегі агрессорды жазуға болады',
      ru: 'На программу можно направить только агрессора по этому делу',
      en: 'Only an aggressor of this case can be enrolled in a programme',
    },
  },
  'prevention.programme_order_invalid': {
    status: 422,
    title: {
      kk: 'Сот бойынша жазу үшін осы істегі соттың ерекше талаптарын көрсетіңіз (ӘҚБтК 54-бабы); басқа негізде бұйрық көрсетілмейді',
      ru: 'Для направления по суду укажите особые требования суда по этому делу (ст. 54 КоАП); при ином основании приказ не указывается',
      en: 'A court-ordered enrolment needs this case’s court special requirements (CoAO art. 54); other bases take no order',
    },
  },
  'prevention.programme_ended': {
    status: 409,
    title: {
      kk: 'Бағдарлама аяқталған: өзгерту мүмкін емес',
      ru: 'Программа уже завершена, изменить её нельзя',
      en: 'The programme has ended and can no longer change',
    },
  },
  'prevention.programme_session_exists': {
    status: 409,
    title: {
      kk: 'Бұл күнгі сабақ бұрын жазылған',
      ru: 'Занятие за этот день уже отмечено',
      en: 'A session is already recorded for that day',
    },
  },
  'prevention.full_export_team_only': {
    status: 403,
    title: {
      kk: 'Толық көшірмені тек істің тобы ала алады; басқаларға жасырылған көшірме беріледі',
      ru: 'Полную выгрузку может получить только команда дела; остальным доступна обезличенная',
      en: 'Only the case team can take a full export; others get the redacted one',
    },
  },
  'prevention.export_reason_required': {
    status: 422,
    title: {
      kk: 'Толық көшірменің себебін жазыңыз (кемінде 20 таңба)',
      ru: 'Укажите причину полной выгрузки (не короче 20 символов)',
      en: 'Give the reason for a full export (at least 20 characters)',
    },
  },
  'prevention.programme_missed_reason': {
    status: 422,
    title: {
      kk: 'Қатыспаған сабаққа себебін жазыңыз; қатысқан сабаққа себеп жазылмайды',
      ru: 'Для пропущенного занятия укажите причину; для посещённого причина не указывается',
      en: 'A missed session needs a reason; an attended one takes none',
    },
  },
  'prevention.case_already_closed': {
    status: 409,
    title: {
      kk: 'Бұл іс жабылып қойған',
      ru: 'Это дело уже закрыто',
      en: 'This case is already closed',
    },
  },
  'prevention.case_not_closed': {
    status: 409,
    title: {
      kk: 'Бұл іс ашық: тек жабық істі қайта ашуға болады',
      ru: 'Это дело открыто: возобновить можно только закрытое дело',
      en: 'This case is open: only a closed case can be reopened',
    },
  },
  'prevention.case_closed': {
    status: 409,
    title: {
      kk: 'Бұл іс жабық. Жаңа мәлімет жазу үшін алдымен оны қайта ашыңыз',
      ru: 'Это дело закрыто. Чтобы записать что-то новое, сначала возобновите его',
      en: 'This case is closed. Reopen it first to record anything new.',
    },
  },
  'prevention.case_outcome_note_required': {
    status: 400,
    title: {
      kk: '«Басқа» нәтижесін сөзбен сипаттаңыз; басқа нәтижеге сипаттама жазылмайды',
      ru: 'Для исхода «другое» опишите его словами; для остальных исходов описание не указывается',
      en: 'Describe an "other" outcome in words; the other outcomes take no description',
    },
  },
  'prevention.case_has_open_items': {
    status: 409,
    title: {
      kk: 'Істе орындалмаған қауіпсіздік жоспары іс-шаралары немесе күшіндегі қорғау нұсқамасы бар. Бәрібір жабу үшін мұны растаңыз',
      ru: 'В деле есть невыполненные мероприятия плана безопасности или действующее защитное предписание. Чтобы всё же закрыть дело, подтвердите это',
      en: 'The case still has open safety-plan actions or a protection order in force. Confirm to close it anyway',
    },
  },
  'prevention.case_anonymised': {
    status: 409,
    title: {
      kk: 'Іс сақтау мерзімі өткен соң иесіздендірілген, оны қайта ашуға болмайды',
      ru: 'Дело обезличено по истечении срока хранения и не может быть возобновлено',
      en: 'The case was anonymised at the end of its retention period and cannot be reopened',
    },
  },
  'prevention.case_reopen_expired': {
    status: 409,
    title: {
      kk: 'Сақтау мерзімі өтті: бұл істі енді қайта ашуға болмайды, жаңа іс ашыңыз',
      ru: 'Срок хранения истёк: это дело больше нельзя возобновить, откройте новое дело',
      en: 'The retention period has passed: this case can no longer be reopened; open a new case',
    },
  },
  'prevention.decision_not_found': {
    status: 404,
    title: {
      kk: 'Кеңес шешімі табылмады',
      ru: 'Решение совещания не найдено',
      en: 'Conference decision not found',
    },
  },
  'prevention.attendance_already_recorded': {
    status: 409,
    title: {
      kk: 'Қатысу жазылып қойған. Оны өзгерту үшін себебін көрсетіп түзету енгізіңіз',
      ru: 'Присутствие уже записано. Чтобы изменить его, внесите исправление с указанием причины',
      en: 'Attendance is already recorded. To change it, make a correction with a reason',
    },
  },
  'prevention.attendance_not_recorded': {
    status: 409,
    title: {
      kk: 'Қатысу әлі жазылмаған: түзетудің орнына оны жазыңыз',
      ru: 'Присутствие ещё не записано: запишите его вместо исправления',
      en: 'Attendance is not recorded yet: record it instead of correcting it',
    },
  },
  'portal.invalid_month': {
    status: 400,
    title: {
      kk: 'Ай ЖЖЖЖ-АА түрінде болуы керек, мысалы 2024-01',
      ru: 'Месяц нужно указать как ГГГГ-ММ, например 2024-01',
      en: 'The month must be given as YYYY-MM, for example 2024-01',
    },
  },
  'portal.month_not_published': {
    status: 404,
    title: {
      kk: 'Бұл ай бойынша деректер әлі жарияланбаған',
      ru: 'Данные за этот месяц ещё не опубликованы',
      en: 'No data has been published for this month yet',
    },
  },
  'portal.unknown_category': {
    status: 404,
    title: {
      kk: 'Мұндай қылмыс санаты жоқ',
      ru: 'Такой категории преступлений нет',
      en: 'There is no such crime category',
    },
  },
  'portal.area_required': {
    status: 400,
    title: {
      kk: 'lat және lng немесе poly көрсетіңіз',
      ru: 'Укажите lat и lng или poly',
      en: 'Give lat and lng, or poly',
    },
  },
  'portal.invalid_polygon': {
    status: 400,
    title: {
      kk: 'poly – ендік,бойлық жұптарының тізімі, қос нүктемен бөлінген, кемінде 3, көп дегенде 100',
      ru: 'poly — список пар широта,долгота через двоеточие: не меньше 3 и не больше 100',
      en: 'poly must be latitude,longitude pairs separated by colons: at least 3, at most 100',
    },
  },
  'portal.too_many_crimes': {
    status: 503,
    title: {
      kk: 'Бұл аумақта қылмыс тым көп. Аумақты кішірейтіңіз',
      ru: 'В этой области слишком много преступлений. Уменьшите область',
      en: 'The area holds too many crimes. Ask for a smaller area',
    },
  },
  'portal.crime_not_found': {
    status: 404,
    title: {
      kk: 'Мұндай жарияланған қылмыс жоқ',
      ru: 'Такого опубликованного преступления нет',
      en: 'There is no published crime with this id',
    },
  },
  'portal.force_not_found': {
    status: 404,
    title: {
      kk: 'Мұндай полиция департаменті жоқ',
      ru: 'Такого департамента полиции нет',
      en: 'There is no such police force',
    },
  },
  'portal.report_year_not_ended': {
    status: 404,
    title: {
      kk: 'Бұл жыл әлі аяқталған жоқ: ұлттық баяндама тек аяқталған жыл бойынша жарияланады',
      ru: 'Этот год ещё не закончился: национальный доклад публикуется только за завершённый год',
      en: 'This year has not ended yet: the National Report is published only for a year that has ended',
    },
  },
  'portal.report_year_no_data': {
    status: 404,
    title: {
      kk: 'Бұл жыл бойынша деректер жоқ, сондықтан ұлттық баяндама жоқ',
      ru: 'За этот год нет данных, поэтому национального доклада нет',
      en: 'There are no records for this year, so there is no National Report for it',
    },
  },
  'portal.neighbourhood_not_found': {
    status: 404,
    title: {
      kk: 'Мұндай учаске жоқ',
      ru: 'Такого участка нет',
      en: 'There is no such neighbourhood',
    },
  },
  'portal.invalid_bbox': {
    status: 400,
    title: {
      kk: 'Карта аумағы қате: батыс шығыстан, оңтүстік солтүстіктен кіші болуы керек',
      ru: 'Неверная область карты: запад должен быть меньше востока, юг — меньше севера',
      en: 'The map area is wrong: west must be less than east, and south less than north',
    },
  },
  'portal.guide_not_found': {
    status: 404,
    title: {
      kk: 'Мұндай нұсқаулық жоқ',
      ru: 'Такого руководства нет',
      en: 'There is no such guide',
    },
  },
  'portal.guide_slug_taken': {
    status: 409,
    title: {
      kk: 'Бұл мекенжаймен нұсқаулық бар',
      ru: 'Руководство с таким адресом уже есть',
      en: 'A guide with this address already exists',
    },
  },
  'portal.guide_version_conflict': {
    status: 409,
    title: {
      kk: 'Нұсқаулықты басқа біреу өзгертті. Жаңа нұсқасын ашып, қайта өңдеңіз',
      ru: 'Руководство уже изменил кто-то другой. Откройте новую версию и внесите правки снова',
      en: 'Someone else has changed the guide. Open the newer version and make your edit again',
    },
  },
  'portal.guide_wrong_state': {
    status: 409,
    title: {
      kk: 'Нұсқаның қазіргі күйінде бұл әрекетті орындауға болмайды',
      ru: 'В текущем состоянии версии это действие недоступно',
      en: 'This version is not in a state that allows this',
    },
  },
  'portal.guide_incomplete': {
    status: 422,
    title: {
      kk: 'Жариялау үшін үш тілдің әрқайсысында тақырып, қысқаша сипаттама және кемінде бір қадам керек',
      ru: 'Для публикации нужны заголовок, краткое описание и хотя бы один шаг на каждом из трёх языков',
      en: 'To publish, each of the three languages needs a title, a summary and at least one step',
    },
  },
  'portal.guide_own_version': {
    status: 403,
    title: {
      kk: 'Өзіңіз жазған нұсқаны өзіңіз мақұлдай алмайсыз: оны басқа редактор мақұлдауы керек',
      ru: 'Нельзя одобрить версию, которую вы написали сами: её должен одобрить другой редактор',
      en: 'You cannot approve a version you wrote yourself: another editor must approve it',
    },
  },
  'portal.chief_report_not_found': {
    status: 404,
    title: {
      kk: 'Мұндай есеп жоқ',
      ru: 'Такого отчёта нет',
      en: 'There is no such report',
    },
  },
  'portal.chief_report_unknown_area': {
    status: 422,
    title: {
      kk: 'Мұндай өңір немесе аудан жоқ, не аудан бұл өңірге жатпайды',
      ru: 'Такой области или района нет, либо район не относится к этой области',
      en: 'There is no such region or district, or the district is not in that region',
    },
  },
  'portal.chief_report_invalid_period': {
    status: 422,
    title: {
      kk: 'Есеп кезеңінің басы оның соңынан кейін болмауы керек',
      ru: 'Начало отчётного периода не может быть позже его конца',
      en: 'The report’s period cannot start after it ends',
    },
  },
  'portal.chief_report_wrong_state': {
    status: 409,
    title: {
      kk: 'Есеп жарияланған: оны өзгертуге немесе қайта жариялауға болмайды',
      ru: 'Отчёт уже опубликован: его нельзя изменить или опубликовать снова',
      en: 'The report is already published: it cannot be changed or published again',
    },
  },
  'portal.chief_report_incomplete': {
    status: 422,
    title: {
      kk: 'Жариялау үшін үш тілдің әрқайсысында тақырып пен мәтін керек',
      ru: 'Для публикации нужны заголовок и текст на каждом из трёх языков',
      en: 'To publish, each of the three languages needs a title and a text',
    },
  },
  'portal.question_not_found': {
    status: 404,
    title: {
      kk: 'Мұндай сұрақ жоқ',
      ru: 'Такого вопроса нет',
      en: 'There is no such question',
    },
  },
  'portal.question_wrong_state': {
    status: 409,
    title: {
      kk: 'Сұрақтың қазіргі күйінде бұл әрекетті орындауға болмайды',
      ru: 'В текущем состоянии вопроса это действие недоступно',
      en: 'The question is not in a state that allows this',
    },
  },
  'portal.question_rate_limited': {
    status: 429,
    title: {
      kk: 'Бір сағатта тым көп сұрақ жіберілді. Кейінірек қайталаңыз',
      ru: 'Слишком много вопросов за час. Попробуйте позже',
      en: 'Too many questions in an hour. Please try again later',
    },
  },
  'portal.question_email_unavailable': {
    status: 422,
    title: {
      kk: 'Бұл сайт жауап туралы электрондық поштамен хабарламайды: жауапты бақылау коды арқылы қараңыз',
      ru: 'Этот сайт не сообщает об ответе по электронной почте: следите за ответом по коду',
      en: 'This site does not e-mail answers: follow your question with its tracking code',
    },
  },
  'portal.team_member_not_found': {
    status: 404,
    title: {
      kk: 'Бұл учаскеде мұндай қызметкер жоқ',
      ru: 'На этом участке нет такого сотрудника',
      en: 'There is no such officer on this beat',
    },
  },
  'portal.priority_not_found': {
    status: 404,
    title: {
      kk: 'Бұл учаскеде мұндай басымдық жоқ',
      ru: 'На этом участке нет такого приоритета',
      en: 'There is no such priority on this beat',
    },
  },
  'portal.meeting_not_found': {
    status: 404,
    title: {
      kk: 'Бұл учаскеде мұндай кездесу жоқ',
      ru: 'На этом участке нет такой встречи',
      en: 'There is no such meeting on this beat',
    },
  },
  'portal.priority_action_invalid': {
    status: 422,
    title: {
      kk: 'Атқарылған жұмыстың күні болуы керек және ол басымдық келісілген күннен ерте болмауы керек',
      ru: 'У принятых мер должна быть дата, и она не может быть раньше дня, когда приоритет согласовали',
      en: 'The action needs a date, and it cannot be before the day the priority was agreed',
    },
  },
  'portal.meeting_times_invalid': {
    status: 422,
    title: {
      kk: 'Кездесу басталғаннан кейін аяқталуы және бір тәуліктен ұзақ болмауы керек',
      ru: 'Встреча должна заканчиваться после начала и длиться не больше суток',
      en: 'A meeting must end after it starts and last no more than a day',
    },
  },
  'portal.photo_invalid': {
    status: 415,
    title: {
      kk: 'Фото JPEG, PNG немесе WebP суреті болуы керек',
      ru: 'Фото должно быть изображением JPEG, PNG или WebP',
      en: 'The photo must be a JPEG, PNG or WebP image',
    },
  },
  'portal.photo_too_large': {
    status: 413,
    title: {
      kk: 'Фото тым үлкен: ең көбі 2 МБ',
      ru: 'Фото слишком большое: не более 2 МБ',
      en: 'The photo is too large: 2 MB at most',
    },
  },
  'portal.place_not_found': {
    status: 404,
    title: {
      kk: 'Мұндай орын жоқ',
      ru: 'Такого места нет',
      en: 'There is no such place',
    },
  },
  'portal.place_invalid_outline': {
    status: 400,
    title: {
      kk: 'Орынның шекарасы дұрыс емес: тұйықталған, өзін-өзі қиып өтпейтін және 10 000 гектардан аспайтын көпбұрыш керек',
      ru: 'Неверный контур места: нужен замкнутый многоугольник без самопересечений площадью не более 10 000 гектаров',
      en: 'The place’s outline is not valid: it must be a closed polygon that does not cross itself, of at most 10,000 hectares',
    },
  },
  'portal.place_outside_country': {
    status: 400,
    title: {
      kk: 'Орын Қазақстанның ешбір ауданына түспейді',
      ru: 'Место не попадает ни в один район Казахстана',
      en: 'The place is not in any district of Kazakhstan',
    },
  },
  'portal.place_retired': {
    status: 409,
    title: {
      kk: 'Бұл орын тізімнен алынды: оған пікір қабылданбайды',
      ru: 'Это место снято с рейтинга: отзывы о нём не принимаются',
      en: 'This place has been retired: it takes no more reviews',
    },
  },
  'portal.place_retired_not_editable': {
    status: 409,
    title: {
      kk: 'Бұл орын рейтингтен алынған: оны өзгерту үшін алдымен қайтарыңыз',
      ru: 'Это место снято с рейтинга: чтобы изменить его, сначала верните его',
      en: 'This place has been retired: restore it before you edit it',
    },
  },
  'portal.place_not_retired': {
    status: 409,
    title: {
      kk: 'Бұл орын тізімнен алынбаған',
      ru: 'Это место не снято с рейтинга',
      en: 'This place is not retired',
    },
  },
  'portal.review_not_found': {
    status: 404,
    title: {
      kk: 'Мұндай пікір жоқ',
      ru: 'Такого отзыва нет',
      en: 'There is no such review',
    },
  },
  'portal.review_wrong_state': {
    status: 409,
    title: {
      kk: 'Пікірдің қазіргі күйінде бұл әрекетті орындауға болмайды',
      ru: 'В текущем состоянии отзыва это действие недоступно',
      en: 'The review is not in a state that allows this',
    },
  },
  'portal.review_rate_limited': {
    status: 429,
    title: {
      kk: 'Бір сағатта тым көп пікір жіберілді. Кейінірек қайталаңыз',
      ru: 'Слишком много отзывов за час. Попробуйте позже',
      en: 'Too many reviews in an hour. Please try again later',
    },
  },
  'analytics.invalid_period': {
    status: 422,
    title: {
      kk: 'Кезеңнің басы оның соңынан бұрын болуы керек',
      ru: 'Начало периода должно быть раньше его конца',
      en: 'The period must start before it ends',
    },
  },
  'analytics.too_many_events': {
    status: 422,
    title: {
      kk: 'Талдау үшін оқиғалар тым көп. Кезеңді немесе аумақты тарылтыңыз',
      ru: 'Слишком много происшествий для анализа. Сузьте период или территорию',
      en: 'Too many incidents to analyse. Narrow the period or the area',
    },
  },
  'analytics.period_too_long': {
    status: 422,
    title: {
      kk: 'Кезең тым ұзақ: ең көбі 20 жыл',
      ru: 'Слишком длинный период: не более 20 лет',
      en: 'The period is too long: 20 years at most',
    },
  },
  'analytics.invalid_weights': {
    status: 422,
    title: {
      kk: 'Салмақтар дұрыс емес: әрқайсысы белгілі көрсеткіш және 0-ден кем емес сан болуы керек, барлығы 0 болмауы керек',
      ru: 'Неверные веса: каждый — известный показатель и число не меньше 0, и не все равны 0',
      en: 'The weights are not valid: each must name a known input and be a number of at least 0, and not all may be 0',
    },
  },
  'analytics.forecast_options_invalid': {
    status: 400,
    title: {
      kk: 'Болжам параметрлері дұрыс емес: ұяшық 100–2000 м, болжам мерзімі 1–28 күн, тексерілетін кезеңдер 2–12, аумақ үлесі 1% немесе 5%',
      ru: 'Неверные параметры прогноза: ячейка 100–2000 м, горизонт 1–28 дней, 2–12 проверочных периодов, доля площади 1% или 5%',
      en: 'The forecast options are not valid: cells of 100–2000 m, a horizon of 1–28 days, 2–12 back-tested periods, an area share of 1% or 5%',
    },
  },
  'analytics.area_required': {
    status: 422,
    title: {
      kk: 'Болжам үшін өңірді таңдаңыз',
      ru: 'Для прогноза выберите регион',
      en: 'Choose a region for the forecast',
    },
  },
  'telegram.secret_invalid': {
    status: 403,
    title: {
      kk: 'Telegram вебхугінің құпия токені қате',
      ru: 'Неверный секретный токен вебхука Telegram',
      en: 'The Telegram webhook secret token is wrong',
    },
  },
  'feedback.not_closed': {
    status: 409,
    title: {
      kk: 'Қызметті хабарлама бойынша шара қолданылғаннан кейін ғана бағалауға болады',
      ru: 'Оценить работу можно, когда по сообщению приняты меры',
      en: 'The service can be rated once action has been taken on the report',
    },
  },
  'feedback.already_rated': {
    status: 409,
    title: {
      kk: 'Бұл хабарлама бойынша баға берілген',
      ru: 'По этому сообщению оценка уже дана',
      en: 'This report has already been rated',
    },
  },
  'resource.not_found': {
    status: 404,
    title: {
      kk: 'Табылмады',
      ru: 'Не найдено',
      en: 'Not found',
    },
  },
  'server.unavailable': {
    status: 503,
    title: {
      kk: 'Қызмет әлі дайын емес',
      ru: 'Сервис ещё не готов',
      en: 'The service is not ready yet',
    },
  },
  'server.internal': {
    status: 500,
    title: {
      kk: 'Ішкі қате. Біз оны тіркедік',
      ru: 'Внутренняя ошибка. Мы её зарегистрировали',
      en: 'Internal error. It has been logged',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;

/** A failure the caller can act on; the error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function errorTitle(code: ErrorCode, language: Language): string {
  return ERRORS[code].title[language];
}
