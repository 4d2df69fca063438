"""The help-desk console (咨询台): staff answer citizens' questions from the kiosk, the phone
page and window clerks, own each one until it is done (首问负责), and keep the hall's FAQs and
notices."""
