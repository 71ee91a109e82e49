/**
 * Passwords people choose first, written as the policy compares them: lower case, without diacritics, spaces or
 * punctuation, and without the digits put before or after (so "password" also stands for "Password@2024").
 * Drawn from the published top lists, with the Vietnamese favourites ("matkhau", "anhyeuem"), names of places and
 * offices a city official would reach for, and this product's own name. Keyboard walks and sequences are found by
 * rule (password-policy.ts), so only the common ones are listed here.
 */
const LIST = `
123456789012 1234567890123 12345678901234 123456789000 123456123456 123321123321 111222333444 112233445566
123412341234 123451234512 987654321098 098765432109 098765432112 012345678901 147258369147 147258369258
159357159357 741852963741 789456123789 963852741963 135792468135 246813579246 100200300400 123654789123
147852369147 321654987321 192837465019 246824682468 135791357913 520131452013 520520520520 131452013145
password passwords passwort passe motdepasse contrasena senha parola haslo salasana wachtwoord
qwerty qwertyui qwertyuiop qwertz qwertzuiop azerty azertyuiop asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx qazwsxedc
qazwsxedcrfv qweasd qweasdzxc qweasdzxcv asdqwe zxcasd qwe asd zxc qwer asdf zxcv zaq zaqwsx zaqxsw
qaz wsx edc rfv 1qaz2wsx 1qaz2wsx3edc 1qazxsw2 zaq1xsw2 zaq12wsx 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y
q1w2e3r4 q1w2e3r4t5 q1w2e3r4t5y6 poiuytrewq lkjhgfdsa mnbvcxz ytrewq qwertyasdfgh qwertyqwerty
abc abcd abcde abcdef abcdefg abcdefgh abcdefghi abcdefghij abcdefghijk abcdefghijkl abcabc abcabcabc
aaa aaaaaa abab ababab qweqwe asdasd zxczxc qweqweqwe asdasdasd
iloveyou iloveu iloveyoutoo loveyou loveme lovely love lover loving iloveme
admin administrator admins root toor sysadmin superuser supervisor manager moderator webmaster
welcome welcomeback letmein opensesame changeme changeit default guest user username login logon
access master mastermind secret secrets private password password letmeinplease trustno trustnoone
test tester testing testtest demo demos sample example temp temporary pass passwd passpass passw
hello helloworld hellohello hi hey hola xinchao
monkey dragon dragons tiger tigers lion eagle shadow sunshine princess prince superman batman spiderman
ironman starwars startrek pokemon pikachu naruto sasuke goku doraemon conan hellokitty mickey minnie
football baseball basketball soccer hockey tennis golf cricket volleyball badminton
michael jennifer jordan hunter buster harley ranger daniel jessica nicole ashley michelle andrew robert
thomas charlie william joshua matthew anthony amanda jasmine justin taylor maggie ginger pepper tigger
computer internet freedom whatever nothing something everything forever always
summer winter spring autumn flower flowers sunflower rainbow butterfly
chocolate cookie cookies banana orange apple lemon cherry strawberry coffee cheese pizza
mustang ferrari porsche corvette mercedes honda yamaha toyota vinfast
liverpool chelsea arsenal manchester manutd barcelona realmadrid juventus bayern
messi ronaldo beckham neymar
google facebook youtube microsoft windows samsung iphone android nokia apple
matrix killer money family mother father baby babygirl babyboy angel angels god jesus
qwerty qwertyu asdfghj zxcvbnmm
correcthorsebatterystaple thequickbrownfox thequickbrownfoxjumpsoverthelazydog
matkhau matkhaumoi matkhaucuatoi matkhaucuaem matkhaucuaanh doimatkhau quenmatkhau nhapmatkhau
anhyeuem emyeuanh yeuem yeuanh yeuemnhieu yeuanhnhieu anhyeuemnhieu tinhyeu tinhyeuoi anhoi emoi
emyeu anhyeu yeuthuong thuongem thuonganh nhoem nhoanh conyeu vobe chongyeu
vietnam vietnamese vietnamvodich vietnamoi tocquoc hanoi hanoioi thudo thudohanoi saigon hochiminh
tphcm danang haiphong hue cantho nhatrang dalat vungtau quangninh
chiso chisodemo chisohanoi chisocaicach
ubnd hdnd ubndphuong ubndxa ubndtp ubndhanoi congchuc vienchuc canbo canbocongchuc
quantri quantrivien quantrihethong hethong lanhdao chutich phochutich giamdoc phogiamdoc truongphong
vanphong motcua dichvucong congdichvucong hanhchinh caicach caicachhanhchinh sotuphap tuphap
phuong xaphuong xa quan huyen tinh thanhpho
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly
anh minh nam long hung dung tuan quang thanh hieu huy khanh phuong linh trang thao hoa lan mai
huong ngoc thuy hang ha van yen nhung nga hanh
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
