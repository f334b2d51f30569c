"""Demo content written for Pressroom: fictional statements, counters, clocks and settings."""

SETTINGS = {
    "en": {
        "site_title": "Pressroom — Ministry of Foreign Affairs of the Republic of Arveld",
        "contact_address": "Press Office, 12 Harbour Embankment, Castrell",
        "contact_phone_label": "Consular duty phone",
        "contact_phone": "+7 495 000-00-00",
        "contact_email": "press@example.org",
        "contact_line": "Press enquiries: weekdays, 9:00–18:00",
    },
    "ru": {
        "site_title": "Пресс-центр — Министерство иностранных дел Республики Арвельд",
        "contact_address": "Пресс-служба, Кастрелл, Портовая набережная, 12",
        "contact_phone_label": "Дежурный телефон консульской службы",
        "contact_phone": "+7 495 000-00-00",
        "contact_email": "press@example.org",
        "contact_line": "Запросы СМИ: по будням, 9:00–18:00",
    },
}

CLOCKS = ["Europe/Moscow", "Europe/London"]

COUNTERS = [
    {
        "key": "lorrin-accord",
        "event_date": "2023-06-14",
        "timezone": "Europe/Moscow",
        "en": {
            "label": "since the signing of the Lorrin Strait Accord",
            "label_ahead": "until the signing of the Lorrin Strait Accord",
            "caption": "The accord set common rules for navigation, rescue and environmental monitoring in the strait.",
        },
        "ru": {
            "label": "со дня подписания Лорринского соглашения",
            "label_ahead": "до подписания Лорринского соглашения",
            "caption": "Соглашение установило общие правила судоходства, спасательных работ и экологического мониторинга в проливе.",
        },
    },
    {
        "key": "e-visa-launch",
        "event_date": "2022-10-03",
        "timezone": "Europe/Moscow",
        "en": {
            "label": "since the launch of the electronic visa service",
            "label_ahead": "until the launch of the electronic visa service",
            "caption": "Visa applications can now be filed online from anywhere in the world.",
        },
        "ru": {
            "label": "с запуска электронной визовой службы",
            "label_ahead": "до запуска электронной визовой службы",
            "caption": "Заявление на визу теперь можно подать онлайн из любой точки мира.",
        },
    },
    {
        # An event still ahead when the demo is loaded: it counts down, then up.
        "key": "castrell-forum",
        "days_ahead": 120,
        "timezone": "Europe/Moscow",
        "en": {
            "label": "since the opening of the Castrell Maritime Forum",
            "label_ahead": "until the opening of the Castrell Maritime Forum",
            "caption": "Delegations from the coastal states meet in Castrell to discuss shipping lanes and port safety.",
        },
        "ru": {
            "label": "с открытия Морского форума в Кастрелле",
            "label_ahead": "до открытия Морского форума в Кастрелле",
            "caption": "Делегации прибрежных государств соберутся в Кастрелле, чтобы обсудить морские пути и безопасность портов.",
        },
    },
]

STATEMENTS = [
    {
        "key": "northern-lantern-returns",
        "kind": "statement",
        "days_ago": 0,
        "hour": 11,
        "featured": False,
        "en": {
            "title": "Research vessel Northern Lantern returns from the Skarn Archipelago expedition",
            "lead": "The research vessel Northern Lantern has returned to Port Emmerin after four months of polar fieldwork, bringing back ice cores, sea-floor samples and a long series of weather observations.",
            "body": [
                "The expedition was organised with the support of the Ministry under the polar cooperation programme with Osmera and Halvik. Twenty-six researchers from five countries took part in the voyage, working in shifts at three temporary field camps on the archipelago.",
                "Preliminary results include a detailed map of the retreating glacier fronts on the northern islands and the first continuous record of sea-ice thickness in the area for a full season. The samples will be shared between partner laboratories in the coming weeks.",
                "The Ministry thanks the crew of the Northern Lantern, the scientific team and the port authorities of Tervik, who gave the vessel shelter during a heavy storm in the second month of the voyage. A public presentation of the findings is planned for next month.",
            ],
        },
        "ru": {
            "title": "Научно-исследовательское судно «Северный фонарь» вернулось из экспедиции на архипелаг Скарн",
            "lead": "Научно-исследовательское судно «Северный фонарь» вернулось в Порт-Эммерин после четырёх месяцев полярных исследований, доставив керны льда, пробы донных отложений и длинный ряд метеорологических наблюдений.",
            "body": [
                "Экспедиция была организована при поддержке Министерства в рамках программы полярного сотрудничества с Осмерой и Хальвиком. В плавании участвовали двадцать шесть исследователей из пяти стран, которые посменно работали в трёх временных полевых лагерях на архипелаге.",
                "Среди предварительных результатов — подробная карта отступающих краёв ледников на северных островах и первый непрерывный ряд измерений толщины морского льда в этом районе за целый сезон. В ближайшие недели образцы будут распределены между лабораториями стран-партнёров.",
                "Министерство благодарит экипаж «Северного фонаря», научную группу и портовые власти Тервика, которые предоставили судну укрытие во время сильного шторма на втором месяце плавания. Публичная презентация результатов запланирована на следующий месяц.",
            ],
        },
    },
    {
        "key": "lorrin-rescue-exercises-expanded",
        "kind": "statement",
        "days_ago": 2,
        "hour": 13,
        "featured": True,
        "en": {
            "title": "Lorrin Strait Accord partners agree to expand joint search-and-rescue exercises",
            "lead": "Arveld, Osmera and Halvik have agreed to hold joint search-and-rescue exercises in the Lorrin Strait twice a year instead of once, and to open them to observers from neighbouring coastal states.",
            "body": [
                "The decision was taken at a meeting of the accord’s joint commission, held this week in Castrell. The delegations reviewed the results of last season’s exercises and noted a marked reduction in response times to distress calls in the strait.",
                "Under the new schedule, the spring exercise will focus on evacuating passengers from ferries, while the autumn one will practise the response to fuel spills in bad weather. The rescue coordination centres of the three countries will also run a shared communications drill every month.",
                "The Ministry considers the Lorrin Strait Accord an example of practical, results-oriented cooperation between neighbours. The strait is one of the busiest waterways in the region, and its safety depends on clear common rules and on the readiness of everyone who works at sea.",
            ],
        },
        "ru": {
            "title": "Участники Лорринского соглашения договорились расширить совместные поисково-спасательные учения",
            "lead": "Арвельд, Осмера и Хальвик договорились проводить совместные поисково-спасательные учения в Лорринском проливе дважды в год вместо одного раза и приглашать на них наблюдателей из соседних прибрежных государств.",
            "body": [
                "Решение было принято на заседании совместной комиссии по соглашению, которое прошло на этой неделе в Кастрелле. Делегации подвели итоги учений прошлого сезона и отметили заметное сокращение времени реагирования на сигналы бедствия в проливе.",
                "По новому графику весенние учения будут посвящены эвакуации пассажиров с паромов, а осенние — ликвидации разливов топлива в непогоду. Кроме того, спасательно-координационные центры трёх стран будут ежемесячно проводить общую тренировку связи.",
                "Министерство рассматривает Лорринское соглашение как пример практического, нацеленного на результат сотрудничества между соседями. Пролив — один из самых оживлённых водных путей в регионе, и его безопасность зависит от ясных общих правил и готовности всех, кто работает в море.",
            ],
        },
    },
    {
        "key": "comment-visa-processing-times",
        "kind": "comment",
        "days_ago": 4,
        "hour": 16,
        "featured": False,
        "en": {
            "title": "Spokesperson’s comment on current visa processing times at consular offices",
            "lead": "In response to questions from journalists, the Spokesperson explained why processing times have grown longer at several consular offices and what applicants can do to avoid delays this season.",
            "body": [
                "Over the past month, the number of visa applications at our consular offices has grown by about a third compared with the same period last year. Most of the increase is linked to the Meridian Trade Fair and the start of the academic year.",
                "At present, a standard application takes up to twelve working days, and an urgent one up to four. We recommend that applicants file their documents at least a month before travel and check that every page of the form is complete, since missing information remains the most common reason for delay.",
                "Additional staff have been assigned to the busiest offices, and extended opening hours will remain in place until the end of the season. Up-to-date processing times for each office are published on the consular services page every Monday.",
            ],
        },
        "ru": {
            "title": "Комментарий официального представителя о сроках оформления виз в консульских учреждениях",
            "lead": "Отвечая на вопросы журналистов, официальный представитель Министерства рассказал, почему в ряде консульских учреждений увеличились сроки оформления виз и что могут сделать заявители, чтобы избежать задержек в этом сезоне.",
            "body": [
                "За последний месяц число визовых заявлений в наших консульских учреждениях выросло примерно на треть по сравнению с тем же периодом прошлого года. Рост в основном связан с ярмаркой «Меридиан» и началом учебного года.",
                "Сейчас стандартное заявление рассматривается до двенадцати рабочих дней, срочное — до четырёх. Мы рекомендуем подавать документы не позднее чем за месяц до поездки и проверять, заполнены ли все страницы анкеты: неполные сведения по-прежнему остаются самой частой причиной задержек.",
                "В наиболее загруженные учреждения направлены дополнительные сотрудники, а продлённый режим работы сохранится до конца сезона. Актуальные сроки рассмотрения заявлений в каждом учреждении публикуются на странице консульских услуг по понедельникам.",
            ],
        },
    },
    {
        "key": "speech-meridian-fair-opening",
        "kind": "speech",
        "days_ago": 6,
        "hour": 10,
        "featured": False,
        "en": {
            "title": "Minister’s remarks at the opening of the Meridian International Trade Fair",
            "lead": "Speaking at the opening ceremony in Castrell, the Minister welcomed exhibitors from more than forty countries and called the fair “a marketplace of ideas as much as of goods”.",
            "body": [
                "Dear guests, dear colleagues, welcome to Castrell and to the Meridian Trade Fair. This year the exhibition halls host more than nine hundred companies, from family workshops to major shipbuilders, and I am glad to see so many first-time participants among them.",
                "Trade has always travelled along the same routes as friendship. The ferries that cross the Lorrin Strait every day carry not only cargo, but also engineers, students and artists, and every contract signed here makes those ties a little stronger.",
                "This year we have given special space to young companies working in Research & Development, renewable energy and sustainable fishing. I invite our foreign guests to visit their stands: you will find partners who are ready to grow together with you.",
                "I wish all participants productive meetings and useful agreements. The Ministry and our trade missions abroad will be glad to help with any questions that arise during and after the fair.",
            ],
        },
        "ru": {
            "title": "Выступление Министра на открытии Международной торговой ярмарки «Меридиан»",
            "lead": "Выступая на церемонии открытия в Кастрелле, Министр приветствовал участников из более чем сорока стран и назвал ярмарку «площадкой для обмена не только товарами, но и идеями».",
            "body": [
                "Уважаемые гости, дорогие коллеги, добро пожаловать в Кастрелл, на ярмарку «Меридиан»! В этом году в выставочных залах представлено более девятисот компаний — от семейных мастерских до крупных судостроительных предприятий, и я рад видеть среди них так много новых участников.",
                "Торговля всегда шла теми же путями, что и дружба. Паромы, которые каждый день пересекают Лорринский пролив, везут не только грузы, но и инженеров, студентов и художников, и каждый подписанный здесь контракт делает эти связи прочнее.",
                "В этом году мы выделили отдельную экспозицию молодым компаниям, работающим в сфере научных исследований и разработок, возобновляемой энергетики и рационального рыболовства. Приглашаю иностранных гостей посетить их стенды: здесь вы найдёте партнёров, готовых расти вместе с вами.",
                "Желаю всем участникам продуктивных встреч и полезных договорённостей. Министерство и наши торговые представительства за рубежом будут рады помочь в решении любых вопросов, которые возникнут во время ярмарки и после её завершения.",
            ],
        },
    },
    {
        "key": "interview-consular-reform",
        "kind": "interview",
        "days_ago": 9,
        "hour": 15,
        "featured": False,
        "en": {
            "title": "Deputy Minister on consular reform: “Every citizen abroad deserves a reply within a day”",
            "lead": "In an interview with the weekly Castrell Courier, the Deputy Minister responsible for consular affairs spoke about the new online appointment system, emergency assistance and the opening of new consular offices.",
            "body": [
                "Question: Many of our readers have written to us about long queues at consulates. What is changing for citizens who need help abroad?",
                "Answer: From next month, appointments at all our consulates can be booked online, and every written request will receive a first reply within one working day. Urgent cases, such as lost documents or a stay in hospital, will continue to be handled by a round-the-clock duty line.",
                "Question: The Ministry opened a new consular office recently. Are more planned?",
                "Answer: The new office in Tervik already receives around a hundred visitors a week, which shows how much it was needed. Next, we are preparing to open an office in the south of Corvania, and we are discussing mobile consular days in smaller cities, when staff travel to people rather than asking people to travel to us.",
            ],
        },
        "ru": {
            "title": "Заместитель Министра о консульской реформе: «Ответ гражданину — в течение дня»",
            "lead": "В интервью еженедельнику «Кастрелл курьер» заместитель Министра, курирующий консульские вопросы, рассказал о новой системе онлайн-записи, экстренной помощи гражданам и открытии новых консульских учреждений.",
            "body": [
                "Вопрос: Многие наши читатели пишут о длинных очередях в консульствах. Что изменится для граждан, которым нужна помощь за рубежом?",
                "Ответ: Со следующего месяца записаться на приём во все наши консульства можно будет онлайн, а на каждое письменное обращение первый ответ будет даваться в течение одного рабочего дня. Срочными случаями — например, утратой документов или госпитализацией — по-прежнему будет заниматься круглосуточная дежурная служба.",
                "Вопрос: Недавно Министерство открыло новое консульское учреждение. Планируются ли ещё?",
                "Ответ: Новое учреждение в Тервике уже принимает около ста посетителей в неделю — это показывает, насколько оно было нужно. Следующим мы готовимся открыть учреждение на юге Корвании, а кроме того, обсуждаем выездные консульские дни в небольших городах, когда сотрудники сами едут к людям, а не заставляют людей ехать к ним.",
            ],
        },
    },
    {
        "key": "amber-valley-flood-relief",
        "kind": "statement",
        "days_ago": 11,
        "hour": 9,
        "featured": False,
        "en": {
            "title": "Humanitarian aid sent to flood-affected communities in Dalmir’s Amber Valley",
            "lead": "At the request of the Government of Dalmir, the Ministry has coordinated the delivery of forty tonnes of humanitarian aid to communities in the Amber Valley affected by severe flooding this week.",
            "body": [
                "The first two aircraft carried water purification units, tents, blankets and medical supplies, which were handed over to the Dalmiri emergency services in Keradan. A third shipment, with generators and pumps for draining flooded homes, is being prepared.",
                "A team of twelve rescuers and two doctors from the national emergency service is working in the valley alongside local crews. They are helping to evacuate residents from cut-off villages and to restore drinking water supplies.",
                "We express our sincere sympathy to the people of Dalmir and to all the families who have lost their homes. According to our consulate in Keradan, no citizens of Arveld have been injured; those in the region who need assistance can contact the consulate’s duty line at any time.",
            ],
        },
        "ru": {
            "title": "В пострадавшие от наводнения районы Янтарной долины в Далмире направлена гуманитарная помощь",
            "lead": "По просьбе Правительства Далмира Министерство организовало доставку сорока тонн гуманитарной помощи жителям Янтарной долины, пострадавшим от сильного наводнения на этой неделе.",
            "body": [
                "Первые два самолёта доставили установки для очистки воды, палатки, одеяла и медикаменты, которые были переданы далмирским службам экстренного реагирования в Керадане. Готовится третья партия груза — генераторы и насосы для откачки воды из затопленных домов.",
                "В долине вместе с местными службами работает группа из двенадцати спасателей и двух врачей национальной службы по чрезвычайным ситуациям. Они помогают эвакуировать жителей из отрезанных от внешнего мира сёл и восстанавливать снабжение питьевой водой.",
                "Выражаем искреннее сочувствие народу Далмира и всем семьям, лишившимся крова. По данным нашего консульства в Керадане, граждане Арвельда не пострадали; находящиеся в регионе соотечественники, которым нужна помощь, могут в любое время обратиться на дежурную линию консульства.",
            ],
        },
    },
    {
        "key": "article-bridges-scholarship-decade",
        "kind": "article",
        "days_ago": 14,
        "hour": 12,
        "featured": False,
        "en": {
            "title": "Ten years of the Bridges scholarship programme: what its alumni went on to do",
            "lead": "Since its launch, the Bridges programme has funded study and research in Arveld for more than two thousand students from twenty-two countries. We asked several alumni how the experience shaped their careers.",
            "body": [
                "The programme was conceived as a modest initiative: a few dozen grants a year for master’s students from neighbouring countries. Today it supports around two hundred and fifty scholars annually, from first-year students to young postdoctoral researchers, in fields ranging from marine biology to art history.",
                "Many alumni have stayed connected to Arveld. A former grant holder from Osmera now leads a joint laboratory studying currents in the Lorrin Strait, while a graduate from Corvania runs her own publishing house that translates our contemporary writers.",
                "Others have become teachers, engineers and civil servants in their own countries. “The grant gave me two years of study, but the friendships have lasted much longer,” says one alumna from Halvik, who now coordinates student exchanges at her university.",
                "The Ministry will continue to develop the programme together with partner universities. A new call for applications opens next month, with additional places for students of engineering and environmental sciences.",
            ],
        },
        "ru": {
            "title": "Десять лет стипендиальной программе «Мосты»: кем стали её выпускники",
            "lead": "С момента запуска программа «Мосты» профинансировала учёбу и научную работу в Арвельде более чем двух тысяч студентов из двадцати двух стран. Мы спросили нескольких выпускников, как этот опыт повлиял на их карьеру.",
            "body": [
                "Программа задумывалась как скромная инициатива: несколько десятков грантов в год для магистрантов из соседних стран. Сегодня она ежегодно поддерживает около двухсот пятидесяти стипендиатов — от первокурсников до молодых кандидатов наук — в самых разных областях, от морской биологии до истории искусства.",
                "Многие выпускники сохранили связь с Арвельдом. Бывший стипендиат из Осмеры сейчас руководит совместной лабораторией, изучающей течения в Лорринском проливе, а выпускница из Корвании возглавляет собственное издательство, которое переводит наших современных писателей.",
                "Другие стали преподавателями, инженерами, государственными служащими у себя на родине. «Грант дал мне два года учёбы, а дружба, которая завязалась тогда, длится гораздо дольше», — говорит выпускница из Хальвика, которая теперь координирует студенческие обмены в своём университете.",
                "Министерство продолжит развивать программу вместе с университетами-партнёрами. Новый конкурс откроется в следующем месяце; для студентов инженерных и экологических специальностей будут предусмотрены дополнительные места.",
            ],
        },
    },
    {
        "key": "comment-grey-heron-rescue",
        "kind": "comment",
        "days_ago": 17,
        "hour": 18,
        "featured": False,
        "en": {
            "title": "Comment on the rescue of the fishing vessel Grey Heron in the Lorrin Strait",
            "lead": "The Spokesperson commented on the rescue of the crew of the fishing vessel Grey Heron, which lost power during a storm in the Lorrin Strait, and thanked the rescue services of Osmera and Halvik.",
            "body": [
                "All nine crew members, including two citizens of Arveld, were taken on board an Osmeran rescue boat within an hour of the distress call. They have had medical checks in Tervik and are in good health.",
                "The operation was coordinated jointly by the rescue centres of the three countries in line with the procedures of the Lorrin Strait Accord. This is exactly the kind of situation for which those procedures were designed, and they worked as intended.",
                "Our consular office in Tervik is in contact with the Arveldian crew members and their families and is helping them to return home. We once again thank our neighbours for their swift and professional response.",
            ],
        },
        "ru": {
            "title": "Комментарий в связи со спасением экипажа рыболовного судна «Серая цапля» в Лорринском проливе",
            "lead": "Официальный представитель Министерства прокомментировал спасение экипажа рыболовного судна «Серая цапля», потерявшего ход во время шторма в Лорринском проливе, и поблагодарил спасательные службы Осмеры и Хальвика.",
            "body": [
                "Все девять членов экипажа, в том числе двое граждан Арвельда, были подняты на борт осмерского спасательного катера в течение часа после сигнала бедствия. Они прошли медицинский осмотр в Тервике, их здоровью ничто не угрожает.",
                "Операцию совместно координировали спасательные центры трёх стран в соответствии с процедурами Лорринского соглашения. Именно для таких ситуаций эти процедуры и создавались — и они сработали так, как было задумано.",
                "Наше консульское учреждение в Тервике поддерживает связь с членами экипажа из Арвельда и их семьями и помогает им вернуться домой. Ещё раз благодарим соседей за быстрые и профессиональные действия.",
            ],
        },
    },
    {
        "key": "customs-house-restoration-complete",
        "kind": "statement",
        "days_ago": 20,
        "hour": 12,
        "featured": False,
        "en": {
            "title": "Restoration of the Old Customs House in Port Emmerin completed with international support",
            "lead": "After three years of work, the restored Old Customs House in Port Emmerin will reopen to the public next week as a museum of maritime trade. Restorers from Osmera and Corvania were part of the team.",
            "body": [
                "The building, completed in the early nineteenth century, had been closed for decades because of damage to its roof and timber frame. The restoration was funded jointly by the city, the national heritage fund and a cultural cooperation grant administered by the Ministry.",
                "Specialists from Osmera restored the painted ceilings of the main hall, while a Corvanian workshop recreated the original glazing of the lantern tower using traditional methods. Young restorers from all three countries trained on site throughout the project.",
                "The museum’s first exhibition tells the story of the ships, merchants and goods that passed through the port over two centuries. Admission will be free during the first month after the opening.",
            ],
        },
        "ru": {
            "title": "Завершена реставрация здания Старой таможни в Порт-Эммерине при участии зарубежных специалистов",
            "lead": "После трёх лет работ отреставрированное здание Старой таможни в Порт-Эммерине на следующей неделе вновь откроется для посетителей как музей морской торговли. В реставрации участвовали мастера из Осмеры и Корвании.",
            "body": [
                "Здание, построенное в начале XIX века, десятилетиями было закрыто из-за повреждений кровли и деревянного каркаса. Реставрацию совместно финансировали город, национальный фонд культурного наследия и программа грантов на культурное сотрудничество, которую администрирует Министерство.",
                "Специалисты из Осмеры восстановили расписные потолки главного зала, а корванская мастерская воссоздала исходное остекление башни-фонаря по традиционным технологиям. На протяжении всего проекта на объекте проходили практику молодые реставраторы из всех трёх стран.",
                "Первая выставка музея рассказывает о кораблях, купцах и товарах, которые проходили через порт на протяжении двух столетий. В течение первого месяца после открытия вход будет бесплатным.",
            ],
        },
    },
    {
        "key": "briefing-schedule-foreign-correspondents",
        "kind": "statement",
        "days_ago": 23,
        "hour": 17,
        "featured": False,
        "en": {
            "title": "Change to the schedule of weekly briefings for foreign correspondents",
            "lead": "Starting next week, the Spokesperson’s regular briefing for accredited foreign correspondents will move from Thursday to Wednesday and will begin at 11:00 local time.",
            "body": [
                "The change is intended to give correspondents more time to prepare their material before the end of the working week. Briefings will continue to be held in the Ministry’s press hall and streamed online with simultaneous interpretation into English.",
                "Questions may be submitted in advance by email to the press office until 18:00 on the day before the briefing. Journalists who are unable to attend in person can ask questions through the online platform, which opens fifteen minutes before the start.",
                "Transcripts will be published on this site in English and Russian on the same day. For accreditation matters, please contact the press office during working hours.",
            ],
        },
    },
    {
        "key": "speech-osmera-cultural-season",
        "kind": "speech",
        "days_ago": 27,
        "hour": 19,
        "featured": False,
        "en": {
            "title": "Minister’s address at the opening of the Season of Osmeran Culture in Arveld",
            "lead": "Opening the Season of Osmeran Culture at the National Theatre in Castrell, the Minister spoke about the long history of artistic ties between the two countries and about the role of culture in diplomacy.",
            "body": [
                "Dear friends from Osmera, dear guests, tonight we open a season that will bring more than a hundred concerts, exhibitions, film screenings and readings to fourteen cities across Arveld. I am especially pleased that many events will take place outside the capital, in towns that rarely host international programmes.",
                "Our peoples have looked at each other across the Lorrin Strait for centuries. Osmeran painters worked in our port cities, our poets translated yours, and the songs of fishermen on both shores have far more in common than either side usually admits.",
                "Diplomacy is often described in terms of agreements and negotiations. But agreements last only when people know and respect each other, and that knowledge grows in concert halls, libraries and classrooms.",
                "I thank our Osmeran colleagues and all the artists who have made this season possible. I hope that many of you will carry tonight’s music home with you.",
            ],
        },
        "ru": {
            "title": "Выступление Министра на открытии Сезона культуры Осмеры в Арвельде",
            "lead": "Открывая Сезон культуры Осмеры в Национальном театре Кастрелла, Министр говорил о давних творческих связях двух стран и о том, какую роль культура играет в дипломатии.",
            "body": [
                "Дорогие друзья из Осмеры, уважаемые гости! Сегодня мы открываем сезон, который привезёт более ста концертов, выставок, кинопоказов и литературных чтений в четырнадцать городов Арвельда. Особенно радует, что многие мероприятия пройдут за пределами столицы — в городах, где международные программы бывают нечасто.",
                "Наши народы веками смотрят друг на друга через Лорринский пролив. Осмерские живописцы работали в наших портовых городах, наши поэты переводили ваших, а в песнях рыбаков на обоих берегах гораздо больше общего, чем принято признавать.",
                "О дипломатии часто говорят на языке соглашений и переговоров. Но соглашения живут долго лишь тогда, когда люди знают и уважают друг друга, а такое знание рождается в концертных залах, библиотеках и школьных классах.",
                "Благодарю наших осмерских коллег и всех артистов, благодаря которым этот сезон стал возможен. Надеюсь, что многие из вас унесут музыку сегодняшнего вечера с собой.",
            ],
        },
    },
    {
        "key": "tervik-consular-office-opens",
        "kind": "statement",
        "days_ago": 31,
        "hour": 10,
        "featured": False,
        "en": {
            "title": "New consular office of Arveld opens in Tervik to serve a growing community",
            "lead": "The consular office in Tervik has begun receiving visitors, offering passport services, notarial acts and visa processing. It will serve residents of the northern part of the Principality of Halvik.",
            "body": [
                "More than six thousand citizens of Arveld live, work or study in the Principality of Halvik, and until now most of them had to travel to the embassy in the capital for routine services. For many of them, that journey has now become a short walk or tram ride.",
                "The office is open on weekdays from 9:00 to 17:00, and until 20:00 on Tuesdays. Appointments can be booked online, and emergency assistance is available by phone around the clock.",
                "The opening was made possible by the consular agreement signed with Halvik several months ago. The Ministry thanks the authorities of the Principality for their help in preparing the premises.",
            ],
        },
        "ru": {
            "title": "В Тервике открылось новое консульское учреждение Арвельда",
            "lead": "Консульское учреждение в Тервике начало приём посетителей: здесь можно оформить паспорт, совершить нотариальные действия и подать документы на визу. Учреждение будет обслуживать жителей северной части Княжества Хальвик.",
            "body": [
                "В Княжестве Хальвик живут, работают и учатся более шести тысяч граждан Арвельда, и до сих пор за большинством услуг им приходилось ездить в посольство в столице. Теперь для многих из них дорога займёт несколько минут пешком или на трамвае.",
                "Учреждение работает по будням с 9:00 до 17:00, по вторникам — до 20:00. Записаться на приём можно онлайн, а экстренная помощь по телефону доступна круглосуточно.",
                "Открытие стало возможным благодаря консульскому соглашению, подписанному с Хальвиком несколько месяцев назад. Министерство благодарит власти Княжества за содействие в подготовке помещений.",
            ],
        },
    },
    {
        "key": "interview-polar-affairs-director",
        "kind": "interview",
        "days_ago": 35,
        "hour": 14,
        "featured": False,
        "en": {
            "title": "Director of Polar Affairs on the Skarn expedition and scientific cooperation in the north",
            "lead": "As the Northern Lantern enters the final weeks of its voyage, the director of the Ministry’s Polar Affairs Department told the radio programme Horizons about the expedition’s aims and its international partners.",
            "body": [
                "Question: Why is a foreign ministry involved in a scientific expedition? Surely that is a matter for scientists.",
                "Answer: The science is, of course, for scientists. But the islands lie in waters where several countries have interests, and research there requires permits, port calls and data-sharing agreements. Our job is to make sure the researchers can focus on their work rather than on paperwork.",
                "Question: Who are the expedition’s partners? And what will happen to the data?",
                "Answer: Scientists from Osmera, Halvik, Corvania and Dalmir are on board alongside our own. All the data will be published in open access after a short period of verification, because changes in polar ice affect everyone, not just the countries that measure them.",
            ],
        },
        "ru": {
            "title": "Директор Департамента полярных дел — об экспедиции на архипелаг Скарн и сотрудничестве на севере",
            "lead": "Когда «Северный фонарь» вошёл в заключительные недели плавания, директор Департамента полярных дел Министерства рассказал радиопрограмме «Горизонты» о целях экспедиции и её международных партнёрах.",
            "body": [
                "Вопрос: Почему министерство иностранных дел участвует в научной экспедиции? Казалось бы, это дело учёных.",
                "Ответ: Наука, конечно, дело учёных. Но острова находятся в водах, где свои интересы есть у нескольких государств, а исследования там требуют разрешений, заходов в порты и соглашений об обмене данными. Наша задача — сделать так, чтобы исследователи занимались своей работой, а не бумагами.",
                "Вопрос: Кто партнёры экспедиции? И что будет с полученными данными?",
                "Ответ: На борту вместе с нашими учёными работают исследователи из Осмеры, Хальвика, Корвании и Далмира. После недолгой проверки все данные будут опубликованы в открытом доступе, потому что изменения полярных льдов касаются всех, а не только тех стран, которые их измеряют.",
            ],
        },
    },
    {
        "key": "comment-serenne-storm-season",
        "kind": "comment",
        "days_ago": 39,
        "hour": 20,
        "featured": False,
        "en": {
            "title": "Spokesperson’s comment on travel to the Serenne Islands during the storm season",
            "lead": "In view of forecasts of severe storms over the Serenne Islands, the Ministry advises citizens planning to travel there in the coming weeks to follow the guidance of local authorities and to keep their plans flexible.",
            "body": [
                "Meteorological services expect a series of strong storms over the islands, with possible disruption to ferry and air connections. We are not advising against travel, but we recommend checking the status of your transport before setting out and allowing a few spare days in your itinerary.",
                "Citizens already on the islands should register with the consular service through the online form, so that we can reach them if necessary. Keep a charged phone and copies of your documents with you, and follow announcements from the local emergency services.",
                "Our honorary consul in the islands’ main town is ready to assist, and the Ministry’s duty line operates around the clock. We will update this advice as the situation develops.",
            ],
        },
        "ru": {
            "title": "Комментарий официального представителя о поездках на Серенские острова в сезон штормов",
            "lead": "В связи с прогнозом сильных штормов над Серенскими островами Министерство рекомендует гражданам, которые планируют поездку туда в ближайшие недели, следовать указаниям местных властей и не строить жёстких планов.",
            "body": [
                "Метеорологические службы ожидают серию сильных штормов над островами, возможны перебои в паромном и авиасообщении. Мы не призываем отказываться от поездок, но советуем перед выездом уточнять, работает ли транспорт, и закладывать в маршрут несколько запасных дней.",
                "Гражданам, которые уже находятся на островах, следует встать на консульский учёт через онлайн-форму, чтобы при необходимости мы могли с ними связаться. Держите при себе заряженный телефон и копии документов и следите за сообщениями местных экстренных служб.",
                "Наш почётный консул в главном городе островов готов оказать содействие, а дежурная линия Министерства работает круглосуточно. Мы будем обновлять эти рекомендации по мере развития ситуации.",
            ],
        },
    },
    {
        "key": "language-teacher-grants",
        "kind": "statement",
        "days_ago": 43,
        "hour": 11,
        "featured": False,
        "en": {
            "title": "Ministry announces grants for teachers of the Arveldian language abroad",
            "lead": "Schools and universities abroad that teach the Arveldian language can now apply for grants covering teacher training, textbooks and short study visits to Arveld for their staff.",
            "body": [
                "The programme will support up to sixty teachers this year, with priority given to schools that have started teaching the language within the last five years. Grants can be used for summer courses in Castrell, for buying teaching materials or for inviting guest lecturers.",
                "Applications are accepted through our embassies and consular offices until the end of next month. Decisions will be announced within six weeks of the deadline.",
                "Interest in learning Arveldian has grown steadily in recent years, especially in Osmera and Corvania. The Ministry sees language teachers as some of the most important ambassadors of mutual understanding.",
            ],
        },
        "ru": {
            "title": "Министерство объявляет о грантах для преподавателей арвельдского языка за рубежом",
            "lead": "Зарубежные школы и университеты, где преподают арвельдский язык, теперь могут подать заявку на гранты, которые покрывают повышение квалификации преподавателей, учебники и короткие стажировки в Арвельде.",
            "body": [
                "В этом году программа поддержит до шестидесяти преподавателей; приоритет получат школы, начавшие преподавать язык в последние пять лет. Средства гранта можно направить на летние курсы в Кастрелле, покупку учебных материалов или приглашение лекторов.",
                "Заявки принимаются через наши посольства и консульские учреждения до конца следующего месяца. Результаты будут объявлены в течение шести недель после окончания приёма заявок.",
                "В последние годы интерес к изучению арвельдского языка неуклонно растёт, особенно в Осмере и Корвании. Министерство считает преподавателей языка одними из самых важных послов взаимопонимания.",
            ],
        },
    },
    {
        "key": "article-lorrin-maritime-safety",
        "kind": "article",
        "days_ago": 48,
        "hour": 13,
        "featured": False,
        "en": {
            "title": "Safer waters: how the Lorrin Strait became one of the region’s best-monitored seaways",
            "lead": "Busy shipping lanes, sudden fog and strong tidal currents once gave the Lorrin Strait a bad reputation among sailors. This article looks at how joint monitoring and shared rules have changed the picture.",
            "body": [
                "Every day around three hundred vessels pass through the strait, from container ships to small fishing boats. For decades, each coastal state kept its own records and used its own radio procedures, which sometimes led to confusion in emergencies.",
                "The Lorrin Strait Accord introduced a single reporting system, common radio channels and a shared real-time map of traffic. Vessels now report their position at three checkpoints, and all three coastal states see the same picture.",
                "The results are visible in the statistics. The number of near-collisions recorded in the strait has fallen sharply, and the average time needed to reach a vessel in distress has been cut almost by half.",
                "Work continues on new automatic weather stations and on training for the crews of small vessels, who remain the most vulnerable. The Ministry regards this as a long-term commitment rather than a finished project.",
            ],
        },
        "ru": {
            "title": "Безопасные воды: как Лорринский пролив стал образцом морского мониторинга в регионе",
            "lead": "Оживлённое судоходство, внезапные туманы и сильные приливные течения когда-то снискали Лорринскому проливу дурную славу среди моряков. Рассказываем, как совместный мониторинг и общие правила изменили ситуацию.",
            "body": [
                "Ежедневно через пролив проходит около трёхсот судов — от контейнеровозов до небольших рыболовецких лодок. Десятилетиями каждое прибрежное государство вело собственный учёт и пользовалось собственными процедурами радиосвязи, что порой приводило к путанице в чрезвычайных ситуациях.",
                "Лорринское соглашение ввело единую систему оповещения, общие радиоканалы и общую карту движения судов в реальном времени. Теперь суда сообщают о своём местоположении в трёх контрольных точках, и все три прибрежных государства видят одну и ту же картину.",
                "Результаты видны в статистике. Число опасных сближений судов в проливе резко сократилось, а среднее время, необходимое, чтобы добраться до терпящего бедствие судна, уменьшилось почти вдвое.",
                "Продолжается работа по установке новых автоматических метеостанций и обучению экипажей малых судов, которые по-прежнему наиболее уязвимы. Министерство рассматривает эту работу как долгосрочное обязательство, а не как завершённый проект.",
            ],
        },
    },
    {
        "key": "consular-registration-reminder",
        "kind": "statement",
        "days_ago": 52,
        "hour": 10,
        "featured": False,
        "ru": {
            "title": "О порядке постановки на консульский учёт граждан, временно находящихся за рубежом",
            "lead": "Министерство напоминает, что граждане, выезжающие за рубеж на срок более трёх месяцев, могут встать на консульский учёт онлайн. Это помогает консульствам быстро связаться с соотечественниками в экстренной ситуации.",
            "body": [
                "Постановка на учёт носит добровольный характер и занимает несколько минут. Достаточно заполнить форму на портале консульских услуг, указав адрес проживания за рубежом и контактный телефон.",
                "Сведения используются исключительно для связи с гражданами в случае стихийных бедствий, аварий и других чрезвычайных ситуаций. Они не передаются третьим лицам и автоматически удаляются по истечении указанного срока пребывания.",
                "При смене адреса или номера телефона просим своевременно обновлять данные в личном кабинете. По всем вопросам можно обратиться в ближайшее консульское учреждение или на круглосуточную дежурную линию Министерства.",
            ],
        },
    },
    {
        "key": "meridian-fair-registration",
        "kind": "statement",
        "days_ago": 57,
        "hour": 12,
        "featured": False,
        "en": {
            "title": "Registration opens for exhibitors at the Meridian International Trade Fair in Castrell",
            "lead": "Companies from partner countries are invited to register for this year’s Meridian International Trade Fair in Castrell, which will include a new pavilion dedicated to sustainable maritime industries.",
            "body": [
                "The fair traditionally brings together manufacturers, shipbuilders, food producers and service companies from across the region. This year the organisers expect more than eight hundred exhibitors and about forty thousand visitors over four days.",
                "The new pavilion will present technologies for cleaner shipping, port electrification and responsible fisheries. A business forum on the second day will focus on transport links across the Lorrin Strait.",
                "Foreign exhibitors can apply for business visas under a simplified procedure by presenting a registration letter from the organisers. Our embassies and trade missions will advise on participation and logistics.",
            ],
        },
        "ru": {
            "title": "Открыта регистрация участников Международной торговой ярмарки «Меридиан» в Кастрелле",
            "lead": "Компании из стран-партнёров приглашаются зарегистрироваться для участия в Международной торговой ярмарке «Меридиан», которая пройдёт в Кастрелле. В этом году на ярмарке впервые откроется павильон экологичных морских отраслей.",
            "body": [
                "Ярмарка традиционно собирает производителей, судостроителей, пищевые и сервисные компании со всего региона. В этом году организаторы ожидают более восьмисот экспонентов и около сорока тысяч посетителей за четыре дня.",
                "В новом павильоне будут представлены технологии экологически чистого судоходства, электрификации портов и рационального рыболовства. Деловой форум второго дня будет посвящён транспортному сообщению через Лорринский пролив.",
                "Иностранные участники могут получить деловую визу в упрощённом порядке, предъявив письмо организаторов о регистрации. Наши посольства и торговые представительства проконсультируют по вопросам участия и логистики.",
            ],
        },
    },
    {
        "key": "speech-diplomatic-academy-graduation",
        "kind": "speech",
        "days_ago": 62,
        "hour": 16,
        "featured": False,
        "en": {
            "title": "Minister’s speech to this year’s graduates of the Diplomatic Academy",
            "lead": "Addressing this year’s graduates of the Diplomatic Academy, the Minister spoke about patience, listening and the everyday work that rarely makes the news but keeps relations between countries steady.",
            "body": [
                "Dear graduates, dear teachers and families, congratulations! Today you join a profession that is often imagined as a series of grand negotiations, but most of your working days will be spent on letters, phone calls and meetings that no newspaper will ever report.",
                "Do not underestimate that work. A visa issued on time, a stranded traveller helped home, a misunderstanding settled before it grows — these are the bricks from which trust between nations is built.",
                "The most valuable skill you can develop is the ability to listen. Learn languages, read the history and literature of the countries where you serve, and remember that your counterparts are also trying, in good faith, to serve their own people.",
                "I wish you curiosity, patience and a steady hand. The Ministry is proud to welcome you.",
            ],
        },
        "ru": {
            "title": "Выступление Министра перед выпускниками Дипломатической академии этого года",
            "lead": "Обращаясь к выпускникам Дипломатической академии этого года, Министр говорил о терпении, умении слушать и о повседневной работе, которая редко попадает в новости, но обеспечивает стабильность отношений между странами.",
            "body": [
                "Дорогие выпускники, уважаемые преподаватели и родители, поздравляю вас! Сегодня вы вступаете в профессию, которую часто представляют как череду громких переговоров, но большую часть рабочих дней вы будете заниматься письмами, звонками и встречами, о которых не напишет ни одна газета.",
                "Не стоит недооценивать эту работу. Вовремя выданная виза, застрявший за границей путешественник, которому помогли вернуться домой, недоразумение, улаженное прежде, чем оно успело разрастись, — вот кирпичи, из которых строится доверие между народами.",
                "Самый ценный навык, который вам предстоит развить, — умение слушать. Учите языки, читайте историю и литературу стран, в которых будете работать, и помните, что ваши партнёры тоже добросовестно стараются служить своим народам.",
                "Желаю вам любознательности, терпения и твёрдой руки. Министерство гордится тем, что вы пополняете его ряды.",
            ],
        },
    },
    {
        "key": "comment-e-visa-maintenance",
        "kind": "comment",
        "days_ago": 66,
        "hour": 17,
        "featured": False,
        "en": {
            "title": "Comment on the scheduled maintenance of the electronic visa portal this weekend",
            "lead": "The electronic visa portal will be unavailable for several hours this weekend because of planned maintenance. Applications already submitted will not be affected, and processing times will remain unchanged.",
            "body": [
                "The work is needed to install a new version of the application form, which will be easier to complete on a mobile phone. The portal will be offline from Saturday night until Sunday morning, when traffic is usually at its lowest.",
                "Applicants who are in the middle of filling in a form are advised to save a draft before the maintenance begins. Drafts and uploaded documents will be preserved.",
                "If any difficulties arise after the update, please contact the visa support service by email. We apologise for any inconvenience and thank users for their understanding.",
            ],
        },
        "ru": {
            "title": "Комментарий в связи с плановыми техническими работами на портале электронных виз",
            "lead": "В эти выходные портал электронных виз будет недоступен в течение нескольких часов из-за плановых технических работ. Это не затронет уже поданные заявления, сроки их рассмотрения не изменятся.",
            "body": [
                "Работы необходимы для установки новой версии анкеты, которую будет удобнее заполнять с мобильного телефона. Портал будет отключён с ночи субботы до утра воскресенья — в то время, когда нагрузка на него обычно минимальна.",
                "Заявителям, которые сейчас заполняют анкету, рекомендуем сохранить черновик до начала работ. Черновики и загруженные документы будут сохранены.",
                "Если после обновления возникнут трудности, просим обращаться в службу визовой поддержки по электронной почте. Приносим извинения за возможные неудобства и благодарим пользователей за понимание.",
            ],
        },
    },
    {
        "key": "dalmir-transport-consultations",
        "kind": "statement",
        "days_ago": 71,
        "hour": 15,
        "featured": False,
        "en": {
            "title": "Arveld and Dalmir hold consultations on rail and ferry links between the two countries",
            "lead": "Delegations of the foreign ministries of Arveld and Dalmir met in Keradan this week to discuss new rail and ferry connections, simpler border procedures and cooperation between regional authorities.",
            "body": [
                "The sides reviewed progress on the reconstruction of the Keradan–Port Emmerin railway line and agreed to set up a joint working group on timetables and ticketing. They also discussed a possible seasonal ferry service linking the southern ports of both countries.",
                "Special attention was paid to border crossings, where freight lorries still face long waits at peak times. The delegations agreed to study an electronic queue system that is already used successfully at other crossings in the region.",
                "The consultations were held in a constructive and friendly atmosphere. The next round will take place in Castrell later this year.",
            ],
        },
        "ru": {
            "title": "Арвельд и Далмир провели консультации по железнодорожному и паромному сообщению",
            "lead": "На этой неделе в Керадане состоялись консультации делегаций министерств иностранных дел Арвельда и Далмира, посвящённые новым железнодорожным и паромным маршрутам, упрощению пограничных процедур и межрегиональному сотрудничеству.",
            "body": [
                "Стороны обсудили ход реконструкции железнодорожной линии Керадан — Порт-Эммерин и договорились создать совместную рабочую группу по расписаниям и продаже билетов. Также обсуждалась возможность запуска сезонной паромной линии между южными портами двух стран.",
                "Особое внимание было уделено пунктам пропуска на границе, где в часы пик грузовики по-прежнему подолгу ждут своей очереди. Делегации договорились изучить систему электронной очереди, которая уже успешно применяется на других пунктах пропуска в регионе.",
                "Консультации прошли в конструктивной и дружественной атмосфере. Следующий раунд состоится в Кастрелле позднее в этом году.",
            ],
        },
    },
    {
        "key": "interview-cultural-attache-pellmoor",
        "kind": "interview",
        "days_ago": 76,
        "hour": 14,
        "featured": False,
        "en": {
            "title": "Cultural attaché in Pellmoor: “Translation is the quietest form of diplomacy”",
            "lead": "The cultural attaché of Arveld’s embassy in Corvania told the literary magazine Northern Pages about a new translation fund, book fairs and why small publishers matter so much for cultural exchange.",
            "body": [
                "Question: The embassy has launched a fund to support translations of Arveldian literature. How does it work?",
                "Answer: Publishers in Corvania can apply for a grant that covers up to half the cost of a translation. In the first year we supported eleven books, including two collections of poetry and a children’s encyclopaedia of the sea.",
                "Question: Why focus on small publishers? Wouldn’t large publishing houses reach more readers?",
                "Answer: Large houses are important, but it is usually the small publishers who are willing to take a risk on an unknown author. Many of the writers they introduce later become widely read, and by then their readers feel they discovered them on their own.",
            ],
        },
        "ru": {
            "title": "Атташе по культуре в Пеллмуре: «Перевод — самая тихая форма дипломатии»",
            "lead": "Атташе по культуре посольства Арвельда в Корвании рассказал литературному журналу «Северные страницы» о новом фонде поддержки переводов, книжных ярмарках и о том, почему для культурного обмена так важны небольшие издательства.",
            "body": [
                "Вопрос: Посольство учредило фонд поддержки переводов арвельдской литературы. Как он работает?",
                "Ответ: Издательства Корвании могут получить грант, покрывающий до половины стоимости перевода. В первый год мы поддержали одиннадцать книг, в том числе два поэтических сборника и детскую энциклопедию моря.",
                "Вопрос: Почему ставка сделана на небольшие издательства? Разве крупные не охватят больше читателей?",
                "Ответ: Крупные издательства важны, но именно небольшие чаще готовы рискнуть и выпустить неизвестного автора. Многие открытые ими писатели со временем становятся популярными, и к этому моменту читатели уже чувствуют, что открыли их сами.",
            ],
        },
    },
    {
        "key": "article-customs-house-restoration-school",
        "kind": "article",
        "days_ago": 82,
        "hour": 11,
        "featured": False,
        "en": {
            "title": "Old stones, new hands: an international school of restoration at the Old Customs House",
            "lead": "The restoration of the Old Customs House in Port Emmerin has also become a training ground for young specialists from three countries. We visited the site to see how traditional crafts are passed on.",
            "body": [
                "Every morning a dozen apprentices gather in the courtyard for a short briefing before climbing the scaffolding. Some are learning to replace rotten beams without dismantling the whole frame, while others are studying how to clean painted plaster without harming the original pigments.",
                "The workshop is led by masters from Arveld, Osmera and Corvania, and instruction moves easily between three languages. “The wood does not care what language you speak, but it notices when you hurry,” says one of the carpenters with a smile.",
                "The Ministry supported the training programme through its cultural cooperation grants. Several graduates have already been invited to work on heritage sites in their own countries, taking with them the techniques they learned here.",
            ],
        },
        "ru": {
            "title": "Старые камни, новые руки: международная школа реставрации в здании Старой таможни",
            "lead": "Реставрация Старой таможни в Порт-Эммерине стала ещё и учебной площадкой для молодых специалистов из трёх стран. Мы побывали на объекте и посмотрели, как здесь передаются традиционные ремёсла.",
            "body": [
                "Каждое утро во дворе собирается дюжина учеников: короткий инструктаж — и они поднимаются на леса. Одни учатся заменять сгнившие балки, не разбирая весь каркас, другие осваивают очистку расписной штукатурки без ущерба для исходных пигментов.",
                "Занятия ведут мастера из Арвельда, Осмеры и Корвании, легко переходя с одного языка на другой. «Дереву всё равно, на каком языке вы говорите, но оно замечает, когда вы торопитесь», — с улыбкой говорит один из плотников.",
                "Министерство поддержало учебную программу через гранты на культурное сотрудничество. Несколько выпускников уже получили приглашения работать на объектах наследия в своих странах и увезли с собой освоенные здесь приёмы.",
            ],
        },
    },
    {
        "key": "corvania-research-memorandum",
        "kind": "statement",
        "days_ago": 88,
        "hour": 16,
        "featured": False,
        "en": {
            "title": "Arveld and Corvania sign a memorandum on Research & Development cooperation",
            "lead": "The foreign ministries of Arveld and Corvania have signed a memorandum on cooperation in Research & Development, covering joint laboratories, researcher mobility and shared access to scientific infrastructure.",
            "body": [
                "The memorandum provides for annual calls for joint projects in marine science, materials engineering and climate research. Successful teams will receive funding from both countries for up to three years.",
                "Researchers working on joint projects will be able to obtain multiple-entry visas under a simplified procedure. The sides also agreed to open their research vessels and polar stations to each other’s scientists on a reciprocal basis.",
                "The document was signed in Pellmoor during the Deputy Minister’s visit to Corvania. The first call for proposals is expected to open early next year.",
            ],
        },
        "ru": {
            "title": "Арвельд и Корвания подписали меморандум о сотрудничестве в области научных исследований и разработок",
            "lead": "Министерства иностранных дел Арвельда и Корвании подписали меморандум о сотрудничестве в области научных исследований и разработок, который предусматривает создание совместных лабораторий, обмен исследователями и общий доступ к научной инфраструктуре.",
            "body": [
                "Меморандум предусматривает ежегодные конкурсы совместных проектов в области морских наук, материаловедения и исследований климата. Команды-победители будут получать финансирование от обеих стран сроком до трёх лет.",
                "Исследователи, работающие над совместными проектами, смогут оформлять многократные визы в упрощённом порядке. Стороны также договорились на взаимной основе открыть для учёных друг друга свои научно-исследовательские суда и полярные станции.",
                "Документ подписан в Пеллмуре в ходе визита заместителя Министра в Корванию. Первый конкурс заявок планируется объявить в начале следующего года.",
            ],
        },
    },
    {
        "key": "comment-tervik-music-festival",
        "kind": "comment",
        "days_ago": 93,
        "hour": 13,
        "featured": False,
        "en": {
            "title": "Comment on advice for citizens attending the international music festival in Tervik",
            "lead": "Ahead of the international music festival in Tervik, which is expected to attract thousands of visitors from Arveld, the Spokesperson shared practical advice on documents, transport and personal safety.",
            "body": [
                "Citizens of Arveld do not need a visa for short visits to Halvik, but a valid passport is required, and it must remain valid for at least three months after the planned date of departure. Identity cards are not accepted at the border.",
                "Extra ferries will run across the Lorrin Strait during the festival, but tickets sell out quickly, so we advise booking in advance. Please keep your documents in a safe place: during large events, the number of lost passports reported to our embassy rises noticeably.",
                "If your passport is lost or stolen, report it to the local police and contact the consular section of our embassy in Halvik, which will extend its opening hours during the festival. A certificate of return can usually be issued on the same day.",
            ],
        },
        "ru": {
            "title": "Комментарий с рекомендациями гражданам, едущим на музыкальный фестиваль в Тервик",
            "lead": "В преддверии международного музыкального фестиваля в Тервике, который, как ожидается, посетят тысячи гостей из Арвельда, официальный представитель Министерства дал практические советы, касающиеся документов, транспорта и безопасности.",
            "body": [
                "Гражданам Арвельда не нужна виза для краткосрочных поездок в Хальвик, однако требуется действительный паспорт, срок действия которого должен истекать не ранее чем через три месяца после планируемой даты выезда. Удостоверения личности на границе не принимаются.",
                "На время фестиваля через Лорринский пролив будут пущены дополнительные паромы, однако билеты быстро раскупают, поэтому советуем бронировать их заранее. Пожалуйста, храните документы в надёжном месте: во время массовых мероприятий число обращений в наше посольство по поводу утерянных паспортов заметно растёт.",
                "В случае утраты или кражи паспорта сообщите об этом в местную полицию и обратитесь в консульский отдел нашего посольства в Хальвике, который на время фестиваля продлит часы работы. Свидетельство на возвращение, как правило, можно получить в тот же день.",
            ],
        },
    },
    {
        "key": "speech-lorrin-maritime-forum",
        "kind": "speech",
        "days_ago": 99,
        "hour": 10,
        "featured": False,
        "en": {
            "title": "Minister’s speech at the Lorrin Strait Maritime Forum on safety and clean shipping",
            "lead": "At the Lorrin Strait Maritime Forum in Tervik, the Minister called for closer cooperation on cleaner fuels, training for the crews of small vessels and the protection of the strait’s fragile ecosystems.",
            "body": [
                "Colleagues, friends, the Lorrin Strait is both our shared highway and our shared home. Every ship that passes through it carries goods our economies need, and every spill or accident leaves traces that all of us must clean up.",
                "Over recent years we have learned to coordinate rescues and to share information about traffic. The next step is to agree on common standards for cleaner fuels in our ports and to help shipowners, especially small ones, make the transition without losing their livelihoods.",
                "I also want to speak about the people who work at sea. The crews of small fishing and passenger vessels are the most exposed to danger, and I propose that our three countries create a joint training centre offering them free courses in safety and first aid.",
            ],
        },
        "ru": {
            "title": "Выступление Министра на Морском форуме Лорринского пролива о безопасности и экологичном судоходстве",
            "lead": "На Морском форуме Лорринского пролива в Тервике Министр призвал к более тесному сотрудничеству в переходе на чистое топливо, обучении экипажей малых судов и защите уязвимых экосистем пролива.",
            "body": [
                "Коллеги, друзья! Лорринский пролив — это и наша общая дорога, и наш общий дом. Каждое проходящее через него судно везёт товары, необходимые нашим экономикам, а каждый разлив или авария оставляют следы, которые приходится устранять всем нам.",
                "За последние годы мы научились координировать спасательные операции и обмениваться сведениями о движении судов. Следующий шаг — договориться об общих стандартах более чистого топлива в портах и помочь судовладельцам, особенно небольшим, перейти на него, не лишившись средств к существованию.",
                "Хочу сказать и о людях, которые работают в море. Экипажи малых рыболовецких и пассажирских судов больше всех подвержены опасности, и я предлагаю нашим трём странам создать совместный учебный центр, где они смогут бесплатно проходить курсы по безопасности и первой помощи.",
            ],
        },
    },
    {
        "key": "serenne-field-hospital-aid",
        "kind": "statement",
        "days_ago": 105,
        "hour": 9,
        "featured": False,
        "en": {
            "title": "Medical supplies and field hospital equipment delivered to the Serenne Islands",
            "lead": "Following the storms that damaged the main hospital of the Serenne Islands, the Ministry has arranged the delivery of medical supplies and equipment for a temporary field hospital.",
            "body": [
                "The shipment, which arrived by sea this week, includes surgical instruments, medicines, oxygen concentrators and two mobile operating theatres. It was prepared together with the national health service and several charitable foundations.",
                "A team of four doctors and six nurses from Arveld will work at the field hospital for a month, until repairs to the main building are complete. Their work is being coordinated with the islands’ health authorities.",
                "We thank the shipping company that transported the cargo free of charge and all the volunteers who helped to pack it. The Ministry remains in close contact with the islands’ administration and is ready to provide further help if needed.",
            ],
        },
        "ru": {
            "title": "На Серенские острова доставлены медикаменты и оборудование для полевого госпиталя",
            "lead": "После штормов, повредивших главную больницу Серенских островов, Министерство организовало доставку медикаментов и оборудования для временного полевого госпиталя, который будет работать до завершения ремонта.",
            "body": [
                "В доставленный на этой неделе морем груз вошли хирургические инструменты, лекарства, кислородные концентраторы и две мобильные операционные. Он был подготовлен совместно с национальной службой здравоохранения и несколькими благотворительными фондами.",
                "Группа из четырёх врачей и шести медсестёр из Арвельда будет работать в полевом госпитале в течение месяца, пока не завершится ремонт главного здания больницы. Их работа координируется с органами здравоохранения островов.",
                "Благодарим судоходную компанию, бесплатно доставившую груз, и всех волонтёров, которые помогали его упаковывать. Министерство поддерживает тесный контакт с администрацией островов и готово при необходимости оказать дополнительную помощь.",
            ],
        },
    },
    {
        "key": "article-guide-international-students",
        "kind": "article",
        "days_ago": 112,
        "hour": 12,
        "featured": False,
        "en": {
            "title": "Studying in Arveld: a practical guide for international students on visas and registration",
            "lead": "Every year thousands of international students choose universities in Arveld. This guide explains the main steps, from the student visa application to registration on arrival and permission to work part-time.",
            "body": [
                "Students admitted to a full-time programme should apply for a student visa at the nearest embassy or consular office, or through the electronic visa portal. The application must include the university’s letter of admission, proof of health insurance and evidence of sufficient funds for the first year.",
                "Within thirty days of arrival, every student must register their address with the local migration office. Most universities run a help desk during the first weeks of term, where staff assist with forms and appointments.",
                "Student visa holders may work up to twenty hours a week during term and full-time during the holidays. Holders of Bridges scholarships receive a separate information pack with details of their grant and insurance.",
                "If you have questions that are not covered here, contact the consular office where you applied or the international office of your university. Keep copies of all your documents, both on paper and electronically.",
            ],
        },
    },
    {
        "key": "northern-lantern-departs",
        "kind": "statement",
        "days_ago": 124,
        "hour": 8,
        "featured": False,
        "en": {
            "title": "Research vessel Northern Lantern sets out for the Skarn Archipelago",
            "lead": "The research vessel Northern Lantern has left Port Emmerin on a four-month scientific expedition to the Skarn Archipelago, with twenty-six researchers from five countries on board.",
            "body": [
                "The expedition will study the glaciers, sea ice and marine life of the archipelago’s coastal waters. The scientists plan to set up three temporary field camps and to install automatic weather stations that will keep working after the vessel returns.",
                "The Ministry has coordinated permits and port calls with partner countries and will stay in contact with the vessel throughout the voyage. A short resupply stop is planned halfway through the expedition.",
                "We wish the crew and the scientific team fair winds and successful work. News from the expedition will be published on this site.",
            ],
        },
        "ru": {
            "title": "Научно-исследовательское судно «Северный фонарь» отправилось к архипелагу Скарн",
            "lead": "Научно-исследовательское судно «Северный фонарь» вышло из Порт-Эммерина в четырёхмесячную научную экспедицию к архипелагу Скарн. На борту — двадцать шесть исследователей из пяти стран.",
            "body": [
                "Участники экспедиции будут изучать ледники, морской лёд и обитателей прибрежных вод архипелага. Учёные планируют разбить три временных полевых лагеря и установить автоматические метеостанции, которые продолжат работу и после возвращения судна.",
                "Министерство согласовало с партнёрскими странами необходимые разрешения и заходы в порты и будет поддерживать связь с судном на протяжении всего плавания. В середине экспедиции запланирована короткая стоянка для пополнения запасов.",
                "Желаем экипажу и научной группе попутного ветра и успешной работы. Новости экспедиции будут публиковаться на этом сайте.",
            ],
        },
    },
    {
        "key": "comment-travel-safety-reminders",
        "kind": "comment",
        "days_ago": 130,
        "hour": 15,
        "featured": False,
        "ru": {
            "title": "Комментарий официального представителя о рекомендациях гражданам перед поездками за рубеж",
            "lead": "В связи с ростом числа туристических поездок официальный представитель Министерства напомнил гражданам о нескольких простых правилах, которые помогут избежать неприятностей за границей.",
            "body": [
                "Прежде всего проверьте срок действия паспорта: многие страны требуют, чтобы он оставался действительным ещё не менее трёх–шести месяцев после выезда. Уточните визовые правила страны назначения заранее, а не накануне поездки.",
                "Оформите медицинскую страховку на весь срок пребывания и сохраните в телефоне контакты ближайшего посольства или консульства Арвельда. Сделайте копии документов и храните их отдельно от оригиналов.",
                "Если вы столкнулись с трудностями, не стесняйтесь обращаться в консульские учреждения: помогать соотечественникам — наша прямая обязанность. Круглосуточная дежурная линия Министерства доступна из любой точки мира.",
            ],
        },
    },
    {
        "key": "osmera-visa-facilitation",
        "kind": "statement",
        "days_ago": 136,
        "hour": 11,
        "featured": False,
        "en": {
            "title": "Simplified visa procedure for students and researchers from Osmera comes into force",
            "lead": "From this week, students, teachers and researchers from Osmera can obtain long-term visas to Arveld under a simplified procedure, with a shorter list of documents and no consular fee.",
            "body": [
                "The simplified procedure applies to participants in academic exchange programmes, joint research projects and language courses. Applicants need only a letter of invitation from the host institution, a valid passport and proof of health insurance.",
                "Decisions will be taken within five working days, and visas will be issued for the full length of the programme, up to two years. Family members accompanying researchers will be able to apply under the same rules.",
                "The measure is based on an agreement reached by the two foreign ministers last year and is reciprocal. Citizens of Arveld will enjoy the same conditions when travelling to Osmera to study or do research.",
            ],
        },
        "ru": {
            "title": "Вступил в силу упрощённый визовый режим для студентов и исследователей из Осмеры",
            "lead": "С этой недели студенты, преподаватели и исследователи из Осмеры могут получать долгосрочные визы в Арвельд в упрощённом порядке — по сокращённому перечню документов и без уплаты консульского сбора.",
            "body": [
                "Упрощённый порядок распространяется на участников программ академического обмена, совместных исследовательских проектов и языковых курсов. Заявителю достаточно представить приглашение принимающей организации, действительный паспорт и полис медицинского страхования.",
                "Решение будет приниматься в течение пяти рабочих дней, а виза — выдаваться на весь срок программы, но не более чем на два года. Члены семей исследователей смогут подать документы на тех же условиях.",
                "Эта мера основана на договорённости, достигнутой министрами иностранных дел двух стран в прошлом году, и действует на взаимной основе. Граждане Арвельда будут пользоваться такими же условиями при поездках в Осмеру на учёбу и для научной работы.",
            ],
        },
    },
    {
        "key": "speech-heads-of-mission-conference",
        "kind": "speech",
        "days_ago": 143,
        "hour": 10,
        "featured": False,
        "en": {
            "title": "Minister’s opening speech at the annual conference of heads of diplomatic missions",
            "lead": "Opening the annual conference of ambassadors and consuls general in Castrell, the Minister outlined the Ministry’s priorities: support for citizens abroad, regional cooperation and stronger economic ties.",
            "body": [
                "Colleagues, thank you for coming home, some of you from very far away. This conference is a rare chance to compare notes, and I would like us to spend less time on reports and more on an honest discussion of what works and what does not.",
                "Our first priority remains the people we serve. Citizens abroad expect quick and courteous help, and over the past year we have made real progress with emergency support and the electronic visa service; now we must make sure the same standard applies in every mission, large or small.",
                "Our second priority is our neighbourhood. The Lorrin Strait Accord, the ferry links across the strait and our growing scientific cooperation with neighbours show that practical cooperation brings results that citizens can see and feel.",
                "Finally, I ask every mission to treat trade and culture as part of its core work, not as an extra. I look forward to our discussions over the next three days.",
            ],
        },
        "ru": {
            "title": "Вступительное слово Министра на ежегодном совещании руководителей дипломатических представительств",
            "lead": "Открывая в Кастрелле ежегодное совещание послов и генеральных консулов, Министр обозначил приоритеты ведомства: поддержка граждан за рубежом, региональное сотрудничество и развитие экономических связей.",
            "body": [
                "Коллеги, спасибо, что приехали домой, — некоторые из вас издалека. Это совещание — редкая возможность сверить часы, и мне бы хотелось, чтобы мы тратили меньше времени на отчёты и больше — на откровенный разговор о том, что работает, а что нет.",
                "Наш первый приоритет — по-прежнему люди, которым мы служим. Граждане за рубежом ждут быстрой и вежливой помощи, и за прошедший год мы добились реальных успехов в экстренной поддержке и работе электронной визовой службы; теперь важно, чтобы такой же уровень обслуживания был в каждом представительстве, большом или маленьком.",
                "Второй приоритет — наши соседи. Лорринское соглашение, паромное сообщение через пролив и растущее научное сотрудничество с соседями показывают, что практическое взаимодействие приносит результаты, которые граждане видят и ощущают.",
                "Наконец, прошу каждое представительство относиться к торговле и культуре как к основной части своей работы, а не как к чему-то второстепенному. С нетерпением жду наших обсуждений в ближайшие три дня.",
            ],
        },
    },
    {
        "key": "interview-trade-envoy-small-business",
        "kind": "interview",
        "days_ago": 150,
        "hour": 14,
        "featured": False,
        "en": {
            "title": "Special Envoy for Trade: “Small companies are the real engine of regional exchange”",
            "lead": "In an interview with the business daily Market Gazette, the Ministry’s Special Envoy for Trade discussed the results of last year’s Meridian fair and the help the Ministry offers to first-time exporters.",
            "body": [
                "Question: What did last year’s Meridian fair achieve? Were there concrete results?",
                "Answer: Exhibitors reported more than two hundred signed contracts, but what interests me most is what happened afterwards. A year later, about a third of the small companies that exhibited for the first time are exporting regularly to at least one partner country.",
                "Question: What support do small exporters need most? Is it money?",
                "Answer: Money matters, but information matters more. Many small firms simply do not know the rules or have contacts in neighbouring markets, so our trade missions now offer free online consultations and introduce companies directly to potential partners.",
            ],
        },
        "ru": {
            "title": "Специальный представитель по торговле: «Настоящий двигатель регионального обмена — малый бизнес»",
            "lead": "В интервью деловой газете «Рыночный вестник» специальный представитель Министерства по вопросам торговли рассказал об итогах прошлогодней ярмарки «Меридиан» и о помощи, которую Министерство оказывает начинающим экспортёрам.",
            "body": [
                "Вопрос: Каковы итоги прошлогодней ярмарки «Меридиан»? Есть ли конкретные результаты?",
                "Ответ: Участники сообщили о более чем двухстах подписанных контрактах, но больше всего меня интересует то, что было потом. Спустя год около трети небольших компаний, впервые участвовавших в ярмарке, регулярно экспортируют свою продукцию как минимум в одну страну-партнёра.",
                "Вопрос: Какая поддержка больше всего нужна небольшим экспортёрам? Деньги?",
                "Ответ: Деньги важны, но информация важнее. Многие небольшие компании просто не знают правил и не имеют контактов на соседних рынках, поэтому наши торговые представительства теперь проводят бесплатные онлайн-консультации и напрямую знакомят компании с потенциальными партнёрами.",
            ],
        },
    },
    {
        "key": "youth-orchestra-tour",
        "kind": "statement",
        "days_ago": 157,
        "hour": 18,
        "featured": False,
        "en": {
            "title": "Arveld–Osmera Youth Orchestra begins its first tour on both shores of the Lorrin Strait",
            "lead": "Sixty young musicians from Arveld and Osmera have begun a joint tour of eight cities, performing works by composers from both countries under two conductors who share the podium.",
            "body": [
                "The orchestra was formed last year through open auditions at music schools on both sides of the strait. Its members, aged between fifteen and twenty-two, rehearsed together for two weeks at a music camp near Port Emmerin before the tour began.",
                "The programme includes “Two Shores”, a new piece written for the tour by an Arveldian and an Osmeran composer working together. Concerts will be held not only in concert halls, but also in schools and community centres, with free admission for students.",
                "The tour is supported by the ministries of foreign affairs and culture of both countries. It will end with a concert in Castrell, which will be broadcast live on national radio.",
            ],
        },
        "ru": {
            "title": "Молодёжный оркестр Арвельда и Осмеры начинает первые гастроли по обоим берегам Лорринского пролива",
            "lead": "Шестьдесят молодых музыкантов из Арвельда и Осмеры начали совместные гастроли по восьми городам. В программе — произведения композиторов обеих стран, а за дирижёрский пульт поочерёдно встают два дирижёра.",
            "body": [
                "Оркестр был создан в прошлом году по итогам открытых прослушиваний в музыкальных школах на обоих берегах пролива. Его участники в возрасте от пятнадцати до двадцати двух лет перед началом гастролей две недели репетировали вместе в музыкальном лагере под Порт-Эммерином.",
                "В программу вошло новое произведение «Два берега», которое арвельдский и осмерский композиторы написали в соавторстве специально для этих гастролей. Концерты пройдут не только в концертных залах, но и в школах и домах культуры, а для учащихся вход будет свободным.",
                "Гастроли проходят при поддержке министерств иностранных дел и культуры обеих стран. Завершит их концерт в Кастрелле, который в прямом эфире транслирует национальное радио.",
            ],
        },
    },
    {
        "key": "article-lorrin-accord-history",
        "kind": "article",
        "days_ago": 164,
        "hour": 12,
        "featured": False,
        "en": {
            "title": "From fog to common rules: the story behind the Lorrin Strait Accord",
            "lead": "As the Lorrin Strait Accord marks another anniversary, we look back at the years of negotiations that led to it and at the accident that convinced three neighbours to write common rules for the sea.",
            "body": [
                "For generations, the strait was governed by a patchwork of national regulations. Ships changed radio channels as they crossed invisible lines on the water, and rescue services on one shore often learned about an emergency on the other only from the news.",
                "The turning point came after a night-time collision between a ferry and a cargo ship in thick fog. Everyone on board was rescued, but the investigation showed that precious time had been lost because three rescue centres were working from three different pictures of the situation.",
                "The negotiations took more than four years and went through dozens of drafts. Diplomats, harbour masters, fishermen’s associations and environmental scientists all had a say, which is one reason why the final text has proved so practical.",
                "Today the accord is studied by neighbours facing similar challenges elsewhere. Its lesson is simple: at sea, cooperation is not a matter of goodwill, but of survival.",
            ],
        },
        "ru": {
            "title": "От тумана к общим правилам: история Лорринского соглашения",
            "lead": "В очередную годовщину Лорринского соглашения вспоминаем годы переговоров, которые привели к его подписанию, и аварию, убедившую три соседние страны выработать общие правила для моря.",
            "body": [
                "На протяжении многих поколений в проливе действовала пёстрая мозаика национальных правил. Пересекая невидимые границы на воде, суда меняли радиоканалы, а спасательные службы одного берега нередко узнавали о происшествии у другого лишь из новостей.",
                "Переломным моментом стало ночное столкновение парома и грузового судна в густом тумане. Всех, кто находился на борту, удалось спасти, но расследование показало, что драгоценное время было потеряно: три спасательных центра работали, видя три разные картины происходящего.",
                "Переговоры заняли более четырёх лет, текст прошёл через десятки редакций. Свой голос имели дипломаты, капитаны портов, объединения рыбаков и специалисты по охране окружающей среды — во многом поэтому итоговый документ оказался столь практичным.",
                "Сегодня соглашение изучают соседи, которые сталкиваются с похожими задачами в других регионах. Его урок прост: в море сотрудничество — не вопрос доброй воли, а вопрос выживания.",
            ],
        },
    },
    {
        "key": "comment-lorrin-navigation-buoys",
        "kind": "comment",
        "days_ago": 171,
        "hour": 17,
        "featured": False,
        "en": {
            "title": "Comment on the replacement of navigation buoys in the southern Lorrin Strait",
            "lead": "The Spokesperson commented on reports of temporary changes to buoy positions in the southern part of the Lorrin Strait and explained how mariners are being kept informed about the work.",
            "body": [
                "The replacement of ageing navigation buoys is being carried out jointly by the hydrographic services of Arveld, Osmera and Halvik. The new buoys are fitted with solar-powered lights and transmit their position automatically.",
                "While the work continues, some buoys will be temporarily moved or removed. All changes are announced in advance in official notices to mariners and on the common radio channels established under the Lorrin Strait Accord.",
                "We ask the captains of small vessels in particular to check the latest notices before going to sea. The work is expected to be completed within a month, weather permitting.",
            ],
        },
        "ru": {
            "title": "Комментарий в связи с заменой навигационных буёв в южной части Лорринского пролива",
            "lead": "Официальный представитель Министерства прокомментировал сообщения о временном изменении расположения буёв в южной части Лорринского пролива и рассказал, как судоводителей информируют о ходе работ.",
            "body": [
                "Замену устаревших навигационных буёв совместно проводят гидрографические службы Арвельда, Осмеры и Хальвика. Новые буи оснащены огнями на солнечных батареях и автоматически передают своё местоположение.",
                "На время работ часть буёв будет временно перенесена или снята. Обо всех изменениях заранее сообщается в официальных извещениях мореплавателям и по общим радиоканалам, созданным в рамках Лорринского соглашения.",
                "Особенно просим капитанов малых судов перед выходом в море знакомиться с последними извещениями. Работы планируется завершить в течение месяца, если позволит погода.",
            ],
        },
    },
    {
        "key": "bridges-scholarship-results",
        "kind": "statement",
        "days_ago": 178,
        "hour": 13,
        "featured": False,
        "ru": {
            "title": "Подведены итоги конкурса стипендиальной программы «Мосты» на новый учебный год",
            "lead": "Стипендиатами программы «Мосты» на новый учебный год стали двести сорок шесть студентов и молодых исследователей из девятнадцати стран. Конкурс оказался самым многочисленным за всю историю программы.",
            "body": [
                "Всего поступило более двух тысяч заявок — почти на четверть больше, чем годом ранее. Наибольший интерес вызвали направления «Морская биология», «Инженерное дело» и «История и культура региона».",
                "Стипендиатам будет полностью оплачено обучение, кроме того, они получат ежемесячную стипендию и медицинскую страховку. Для тех, кто только начинает изучать арвельдский язык, в начале учебного года будут организованы бесплатные интенсивные курсы.",
                "Министерство благодарит университеты-партнёры и членов экспертных комиссий за тщательную работу. Списки стипендиатов направлены в посольства Арвельда, которые свяжутся с каждым из победителей.",
            ],
        },
    },
    {
        "key": "ministry-heritage-day-open-doors",
        "kind": "statement",
        "days_ago": 185,
        "hour": 10,
        "featured": False,
        "en": {
            "title": "Ministry opens its historic building to visitors for Heritage Day",
            "lead": "For the first time in a decade, the Ministry’s historic building in Castrell will open its doors to the public on Heritage Day, with guided tours of the ceremonial halls, the library and the archive.",
            "body": [
                "Visitors will be able to see the Hall of Treaties, where many of the country’s international agreements were signed, and the restored map room with its collection of nineteenth-century sea charts. Diplomats will lead the tours and answer questions about their work.",
                "The library will display rare editions and documents from the archive, including early consular registers and the first edition of the Lorrin Strait navigation rules. Children’s tours and a world geography quiz are planned for younger guests.",
                "Admission is free, but places are limited, so visitors are asked to book a time slot online. Please bring an identity document for the security check at the entrance.",
            ],
        },
        "ru": {
            "title": "В День наследия Министерство откроет для посетителей своё историческое здание",
            "lead": "Впервые за десять лет историческое здание Министерства в Кастрелле в День наследия откроет двери для всех желающих: посетителей ждут экскурсии по парадным залам, библиотеке и архиву.",
            "body": [
                "Гости смогут увидеть Зал договоров, где были подписаны многие международные соглашения страны, и отреставрированный картографический кабинет с коллекцией морских карт XIX века. Экскурсии проведут дипломаты, которые ответят на вопросы о своей работе.",
                "В библиотеке будут выставлены редкие издания и архивные документы, в том числе ранние консульские книги регистрации и первое издание правил плавания по Лорринскому проливу. Для юных гостей подготовлены детские экскурсии и викторина по географии.",
                "Вход свободный, но число мест ограничено, поэтому посетителей просят заранее записаться на удобное время через интернет. Для прохождения досмотра на входе необходимо иметь при себе документ, удостоверяющий личность.",
            ],
        },
    },
    {
        "key": "speech-coastal-heritage-conference",
        "kind": "speech",
        "days_ago": 192,
        "hour": 15,
        "featured": False,
        "en": {
            "title": "Deputy Minister’s remarks at the international conference on coastal heritage",
            "lead": "Speaking at an international conference on coastal heritage in Port Emmerin, the Deputy Minister stressed the value of shared restoration projects and invited partners to join a new training initiative.",
            "body": [
                "Dear participants, the buildings that line our harbours — customs houses, warehouses, lighthouses — tell the story of centuries of exchange across the sea. They belong not only to the cities where they stand, but to all the peoples whose ships once moored beside them.",
                "Many of these buildings are now at risk from damp, storms and neglect. No country has enough specialists to save them all on its own, and that is why we believe in joint projects where restorers from different countries work and learn side by side.",
                "Building on the experience of the Old Customs House project, the Ministry is ready to support a regional school of restoration in Port Emmerin. I invite our partners to send their young specialists and to share their own experience with us.",
            ],
        },
        "ru": {
            "title": "Выступление заместителя Министра на международной конференции о прибрежном наследии",
            "lead": "Выступая на международной конференции о прибрежном культурном наследии в Порт-Эммерине, заместитель Министра подчеркнул ценность совместных реставрационных проектов и пригласил партнёров присоединиться к новой образовательной инициативе.",
            "body": [
                "Уважаемые участники конференции! Здания, выстроившиеся вдоль наших гаваней, — таможни, склады, маяки — хранят историю многовекового обмена через море. Они принадлежат не только городам, в которых стоят, но и всем народам, чьи корабли когда-то швартовались рядом с ними.",
                "Сегодня многим из этих зданий угрожают сырость, штормы и запустение. Ни у одной страны не хватит специалистов, чтобы спасти их все в одиночку, поэтому мы верим в совместные проекты, где реставраторы из разных стран работают и учатся бок о бок.",
                "Опираясь на опыт реставрации Старой таможни, Министерство готово поддержать создание региональной школы реставрации в Порт-Эммерине. Приглашаю партнёров направлять к нам молодых специалистов и делиться собственным опытом.",
            ],
        },
    },
    {
        "key": "interview-minister-northern-coast-herald",
        "kind": "interview",
        "days_ago": 199,
        "hour": 12,
        "featured": False,
        "en": {
            "title": "Minister in an interview with the Northern Coast Herald: “Good neighbours are built, not given”",
            "lead": "In a conversation with the regional newspaper Northern Coast Herald, the Minister spoke about relations with neighbouring countries and about what foreign policy means for the everyday life of coastal towns.",
            "body": [
                "Question: Our readers live far from the capital. Why should foreign policy matter to them?",
                "Answer: Because in coastal towns it is part of everyday life. The ferry timetable, the price of fish at the market, the students who come to study at your technical college — all of this depends on agreements with our neighbours and on how well they work.",
                "Question: Relations with neighbours have generally been calm in recent years. What is the secret?",
                "Answer: There is no secret, only steady work. Good neighbourly relations are not given once and for all; they are built every day through meetings, small agreements and a willingness to pick up the phone when a problem arises.",
            ],
        },
        "ru": {
            "title": "Министр в интервью газете «Вестник Северного побережья»: «Добрососедство не даётся — его строят»",
            "lead": "В беседе с региональной газетой «Вестник Северного побережья» Министр рассказал об отношениях с соседними странами и о том, какое значение внешняя политика имеет для повседневной жизни прибрежных городов.",
            "body": [
                "Вопрос: Наши читатели живут далеко от столицы. Почему внешняя политика должна их волновать?",
                "Ответ: Потому что в прибрежных городах она — часть повседневной жизни. Расписание паромов, цена рыбы на рынке, студенты, которые приезжают учиться в ваш технический колледж, — всё это зависит от договорённостей с соседями и от того, насколько хорошо они работают.",
                "Вопрос: В последние годы отношения с соседями в целом остаются спокойными. В чём секрет?",
                "Ответ: Секрета нет — есть ежедневная работа. Добрососедство не даётся раз и навсегда: его строят каждый день — встречами, небольшими договорённостями, готовностью снять трубку, когда возникает проблема.",
            ],
        },
    },
    {
        "key": "halvik-landslide-assistance",
        "kind": "statement",
        "days_ago": 205,
        "hour": 19,
        "featured": False,
        "en": {
            "title": "Condolences and assistance following the landslide in the mountains of Halvik",
            "lead": "The Ministry expresses its deep condolences to the people of Halvik after a landslide struck several mountain villages this week, and confirms that rescuers and equipment from Arveld are on their way to help.",
            "body": [
                "At the request of the Government of the Principality, a team of twenty rescuers with search dogs and heavy equipment has been dispatched by road. The team will work under the coordination of Halvik’s national emergency service.",
                "According to our embassy, no citizens of Arveld are among those affected. Citizens travelling in the mountain regions of Halvik are advised to follow the instructions of the local authorities and to avoid closed roads.",
                "We stand with our neighbours at this difficult time. Arveld is ready to provide further assistance, including temporary shelters and medical support, if requested.",
            ],
        },
        "ru": {
            "title": "Соболезнования и помощь в связи со сходом оползня в горных районах Хальвика",
            "lead": "Министерство выражает глубокие соболезнования народу Хальвика в связи со сходом оползня, накрывшего на этой неделе несколько горных деревень, и сообщает о направлении в Княжество спасателей и техники из Арвельда.",
            "body": [
                "По просьбе Правительства Княжества автомобильным транспортом направлена группа из двадцати спасателей с поисковыми собаками и тяжёлой техникой. Группа будет работать под руководством национальной службы по чрезвычайным ситуациям Хальвика.",
                "По данным нашего посольства, граждан Арвельда среди пострадавших нет. Гражданам, путешествующим по горным районам Хальвика, рекомендуется следовать указаниям местных властей и не пользоваться перекрытыми дорогами.",
                "В этот трудный час мы вместе с нашими соседями. Арвельд готов при необходимости оказать дополнительную помощь, в том числе предоставить временные укрытия и медицинскую поддержку.",
            ],
        },
    },
    {
        "key": "foreign-media-accreditation",
        "kind": "statement",
        "days_ago": 212,
        "hour": 11,
        "featured": False,
        "en": {
            "title": "Annual accreditation of foreign correspondents opens for the coming year",
            "lead": "Foreign media organisations wishing to accredit correspondents with the Ministry for the coming year may now submit their applications through the press office’s online form.",
            "body": [
                "Applications should include a letter from the editor, a copy of the correspondent’s passport, a recent photograph and samples of published work. Accreditation is granted for one year and can be renewed.",
                "Accredited journalists receive a press card giving access to briefings, press conferences and official events, as well as assistance with visas and residence permits. Freelance journalists who work regularly for foreign media may also apply.",
                "The press office will consider complete applications within fifteen working days. Questions can be sent by email to press@example.org.",
            ],
        },
    },
    {
        "key": "article-consular-services-online",
        "kind": "article",
        "days_ago": 219,
        "hour": 14,
        "featured": False,
        "en": {
            "title": "Consular services go digital: what has changed for citizens abroad and what comes next",
            "lead": "Passports, certificates and registration used to mean paper forms and long queues. Here is an overview of the consular services that can now be used online, and of those that still require a visit.",
            "body": [
                "Since the launch of the electronic visa service, foreign travellers have been able to apply for most types of visa without visiting a consulate. Citizens abroad can now also request certificates, register their stay and track the status of passport applications online.",
                "Some services still require a personal visit, for example when fingerprints must be taken for a new passport. To reduce waiting times, the Ministry is testing mobile kits that allow consular staff to collect biometric data during visits to smaller cities.",
                "Digital services do not replace people. Every online request is reviewed by a consular officer, and those who prefer paper forms or need help with technology can still come to any consulate in person.",
            ],
        },
        "ru": {
            "title": "Консульские услуги переходят в цифровой формат: что изменилось для граждан за рубежом",
            "lead": "Ещё недавно получение паспорта или справки и постановка на учёт означали бумажные анкеты и длинные очереди. Рассказываем, какими консульскими услугами теперь можно воспользоваться онлайн, а для каких по-прежнему нужен личный визит.",
            "body": [
                "С запуском электронной визовой службы иностранные путешественники могут оформить большинство видов виз, не посещая консульство. Гражданам за рубежом теперь доступны онлайн-заказ справок, постановка на учёт и отслеживание статуса заявления на паспорт.",
                "Некоторые услуги по-прежнему требуют личного присутствия — например, когда для нового паспорта нужно сдать отпечатки пальцев. Чтобы сократить время ожидания, Министерство испытывает мобильные комплекты, позволяющие консульским сотрудникам собирать биометрические данные во время выездов в небольшие города.",
                "Цифровые сервисы не заменяют людей. Каждое онлайн-обращение рассматривает консульский сотрудник, а те, кто предпочитает бумажные формы или нуждается в помощи с техникой, по-прежнему могут лично прийти в любое консульство.",
            ],
        },
    },
    {
        "key": "interview-osmera-season-plans",
        "kind": "interview",
        "days_ago": 226,
        "hour": 16,
        "featured": False,
        "en": {
            "title": "Director of Cultural Cooperation on plans for the Season of Osmeran Culture in Arveld",
            "lead": "The director of the Ministry’s Cultural Cooperation Department told the programme Culture Today about the upcoming Season of Osmeran Culture and why most of its events will take place outside the capital.",
            "body": [
                "Question: The season is still months away, but the programme is already taking shape. What can audiences expect?",
                "Answer: More than a hundred events in fourteen cities: concerts, exhibitions, film weeks and readings by contemporary Osmeran writers. We have also planned workshops where children can try traditional Osmeran crafts, from model boat-building to weaving.",
                "Question: Why hold so many events outside the capital? Wouldn’t Castrell attract bigger audiences?",
                "Answer: Castrell already has a rich cultural life. In smaller towns, a visiting orchestra or exhibition is a real event, and we want people there to feel that international cooperation happens in their own town, not just on the evening news.",
            ],
        },
        "ru": {
            "title": "Директор Департамента культурного сотрудничества — о планах Сезона культуры Осмеры в Арвельде",
            "lead": "Директор Департамента культурного сотрудничества Министерства рассказал программе «Культура сегодня» о предстоящем Сезоне культуры Осмеры и о том, почему большинство мероприятий пройдёт за пределами столицы.",
            "body": [
                "Вопрос: До начала сезона ещё несколько месяцев, но программа уже складывается. Чего ждать зрителям?",
                "Ответ: Более ста мероприятий в четырнадцати городах: концерты, выставки, недели кино и чтения современных осмерских писателей. Мы также запланировали мастер-классы, где дети смогут попробовать себя в традиционных осмерских ремёслах — от постройки моделей лодок до ткачества.",
                "Вопрос: Почему так много мероприятий пройдёт за пределами столицы? Разве Кастрелл не соберёт больше зрителей?",
                "Ответ: В Кастрелле и так насыщенная культурная жизнь. В небольших городах приезд оркестра или выставки — настоящее событие, и нам хочется, чтобы люди там чувствовали: международное сотрудничество происходит и в их родном городе, а не только в вечерних новостях.",
            ],
        },
    },
    {
        "key": "comment-unofficial-visa-websites",
        "kind": "comment",
        "days_ago": 232,
        "hour": 13,
        "featured": False,
        "en": {
            "title": "Spokesperson warns applicants about unofficial websites charging extra visa fees",
            "lead": "The Ministry has received complaints from foreign travellers who paid unofficial websites for visa applications. The Spokesperson reminded applicants that the only official channel is the Ministry’s electronic visa portal.",
            "body": [
                "Several websites imitating the design of official pages offer to “help” with visa applications for a fee that can be several times higher than the consular fee. In some cases, applicants paid but their applications were never submitted.",
                "We remind applicants that the official electronic visa portal can be reached only through the link on the Ministry’s website, and that its address ends in the official government domain. The consular fee is paid directly on the portal, and no additional service charges apply.",
                "If you have paid an unofficial intermediary, contact your bank and report the case to the police in your country. You may also inform our visa support service, which collects information about such sites so that they can be blocked.",
            ],
        },
        "ru": {
            "title": "Официальный представитель предостерёг заявителей от неофициальных визовых сайтов",
            "lead": "В Министерство поступают жалобы иностранных путешественников, которые заплатили неофициальным сайтам за оформление визы. Официальный представитель напомнил, что единственный официальный канал подачи заявлений — портал электронных виз Министерства.",
            "body": [
                "Ряд сайтов, копирующих оформление официальных страниц, предлагает «помощь» в оформлении визы за плату, которая может в несколько раз превышать консульский сбор. В некоторых случаях заявители вносили оплату, но их заявления так и не были поданы.",
                "Напоминаем, что перейти на официальный портал электронных виз можно только по ссылке на сайте Министерства, а его адрес заканчивается официальным государственным доменом. Консульский сбор оплачивается непосредственно на портале, никаких дополнительных сборов за услуги не взимается.",
                "Если вы уже заплатили неофициальному посреднику, обратитесь в свой банк и сообщите о случившемся в полицию своей страны. Вы также можете проинформировать службу визовой поддержки, которая собирает сведения о подобных сайтах, чтобы добиться их блокировки.",
            ],
        },
    },
    {
        "key": "halvik-consular-agreement",
        "kind": "statement",
        "days_ago": 238,
        "hour": 12,
        "featured": False,
        "en": {
            "title": "Arveld and Halvik sign a consular agreement to improve services for citizens",
            "lead": "The foreign ministers of Arveld and Halvik have signed a consular agreement that will allow a new consular office to open in Tervik and will make it simpler to assist each other’s citizens.",
            "body": [
                "The agreement sets out clear procedures for notifying consulates when citizens are detained, taken to hospital or involved in accidents. It also provides for faster recognition of civil status documents, such as birth and marriage certificates.",
                "The new consular office in Tervik will serve the growing community of Arveldian citizens in the north of the Principality. Preparations for its opening will begin immediately.",
                "The agreement will enter into force once both parliaments have completed ratification. The ministers also discussed cultural exchanges and maritime safety in the Lorrin Strait.",
            ],
        },
        "ru": {
            "title": "Арвельд и Хальвик подписали консульское соглашение в интересах граждан двух стран",
            "lead": "Министры иностранных дел Арвельда и Хальвика подписали консульское соглашение, которое позволит открыть новое консульское учреждение в Тервике и упростит оказание помощи гражданам обеих стран.",
            "body": [
                "Соглашение устанавливает чёткий порядок уведомления консульств о задержании или госпитализации граждан, а также об их участии в происшествиях. Оно также предусматривает ускоренное признание документов о гражданском состоянии, таких как свидетельства о рождении и о браке.",
                "Новое консульское учреждение в Тервике будет обслуживать растущую общину граждан Арвельда на севере Княжества. Подготовка к его открытию начнётся незамедлительно.",
                "Соглашение вступит в силу после завершения ратификационных процедур в парламентах обеих стран. Министры также обсудили культурные обмены и безопасность судоходства в Лорринском проливе.",
            ],
        },
    },
    {
        "key": "weekly-briefing-strait-safety",
        "kind": "briefing",
        "days_ago": 2,
        "hour": 15,
        "featured": False,
        "en": {
            "title": "Weekly briefing by the Ministry’s spokesperson: shipping safety in the Lorrin Strait and the visa service",
            "lead": "The spokesperson reviewed the week’s work on navigation safety in the Lorrin Strait, the next round of consultations with Halvik and the waiting times of the electronic visa service.",
            "body": [
                "On the Lorrin Strait, the joint rescue centre in Port Emmerin completed its first full exercise with the coast guards of both shores. Its report will be published once the partners have reviewed it.",
                "Consultations with Halvik on the consular office in Tervik continue next week at the level of deputy ministers.",
                "Applications for electronic visas are now processed in four working days on average. Travellers are reminded to apply only through the official portal.",
            ],
        },
        "ru": {
            "title": "Еженедельный брифинг официального представителя Министерства: безопасность судоходства в Лорринском проливе и визовая служба",
            "lead": "Официальный представитель рассказала о работе за неделю: безопасности судоходства в Лорринском проливе, следующем раунде консультаций с Хальвиком и сроках рассмотрения электронных виз.",
            "body": [
                "В Лорринском проливе совместный спасательный центр в Порт-Эммерине провёл первые полномасштабные учения с береговой охраной обоих берегов. Отчёт о них будет опубликован после того, как его изучат партнёры.",
                "Консультации с Хальвиком об открытии консульского учреждения в Тервике продолжатся на следующей неделе на уровне заместителей министров.",
                "Заявления на электронную визу сейчас рассматриваются в среднем за четыре рабочих дня. Напоминаем, что подавать их следует только через официальный портал.",
            ],
        },
    },
    {
        "key": "answers-maritime-forum",
        "kind": "answers",
        "days_ago": 4,
        "hour": 17,
        "featured": False,
        "en": {
            "title": "The Ministry’s answers to media questions about the Castrell Maritime Forum",
            "lead": "Journalists asked who will attend the forum, whether it will be open to the press and how accreditation works.",
            "body": [
                "Question: Which delegations have confirmed their attendance? Answer: Delegations from eleven coastal states have confirmed so far; the full list will be published a week before the opening.",
                "Question: Will the sessions be open to the press? Answer: The opening and closing sessions will be open; working groups will be followed by briefings.",
                "Question: How can journalists be accredited? Answer: Through the Press Office, by e-mail, until ten days before the forum opens.",
            ],
        },
        "ru": {
            "title": "Ответы Министерства на вопросы СМИ о Морском форуме в Кастрелле",
            "lead": "Журналисты спрашивали, кто примет участие в форуме, будет ли он открыт для прессы и как получить аккредитацию.",
            "body": [
                "Вопрос: Какие делегации подтвердили участие? Ответ: На сегодня участие подтвердили делегации одиннадцати прибрежных государств; полный список будет опубликован за неделю до открытия.",
                "Вопрос: Будут ли заседания открыты для прессы? Ответ: Открытие и закрытие форума пройдут открыто, по итогам работы рабочих групп состоятся брифинги.",
                "Вопрос: Как журналистам получить аккредитацию? Ответ: Через пресс-службу по электронной почте не позднее чем за десять дней до открытия форума.",
            ],
        },
    },
]
