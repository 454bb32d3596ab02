"""Labelled customer utterances (utterances.csv): text, intent, in Chinese and English.

Each intent has Chinese and English templates; a template's {x} slot is filled
from the intent's item list and wrapped in a random greeting and ending, so the
paraphrases vary in wording and length. A few out-of-scope lines are labelled `oos`.
"""

ITEMS_ZH = ["手机", "耳机", "羽绒服", "鞋子", "电饭煲", "衣服", "平板", "口红", "空气净化器", "牛仔裤", "零食", "笔记本"]
ITEMS_EN = ["phone", "earbuds", "jacket", "shoes", "rice cooker", "laptop", "tablet", "sweater", "headphones", "dress"]
# Intents whose slot only makes sense for some goods.
INTENT_ITEMS = {
    ("zh", "size_exchange"): ["羽绒服", "鞋子", "衣服", "牛仔裤", "卫衣", "T恤", "运动鞋", "衬衫"],
    ("en", "size_exchange"): ["jacket", "shoes", "sweater", "dress", "jeans", "hoodie"],
    ("zh", "warranty"): ["手机", "耳机", "电饭煲", "平板", "空气净化器", "笔记本", "吹风机", "扫地机器人"],
    ("en", "warranty"): ["phone", "earbuds", "rice cooker", "laptop", "tablet", "headphones", "vacuum"],
}

ZH = {
    "return": ["我想退货，{x}不喜欢", "{x}怎么退", "买的{x}能退吗", "收到的{x}不想要了，怎么办", "申请退货在哪里操作",
               "{x}拆封了还能退吗", "七天无理由退货怎么弄", "退货要自己寄回去吗", "{x}和描述不符，要退货", "退货流程是怎样的"],
    "refund": ["退款什么时候到账", "钱怎么还没退回来", "{x}退了，钱什么时候退给我", "退款到哪里了", "取消订单后多久退钱",
               "退款为什么少了", "退款能退到微信吗", "申请退款好几天了还没到", "退的{x}款项还没收到", "退款进度怎么查"],
    "shipping_time": ["什么时候发货", "{x}多久能到", "下单好几天了怎么还不发货", "几天能送到", "今天下单明天能到吗",
                      "{x}预计什么时候送达", "发货要多长时间", "新疆几天能到", "大促期间多久发货", "能不能快点发{x}"],
    "shipping_cost": ["运费多少钱", "包邮吗", "买{x}要付运费吗", "满多少包邮", "为什么收了我运费",
                      "偏远地区运费怎么算", "{x}送货上门要钱吗", "退换货运费谁出", "运费险怎么赔", "不满99要运费吗"],
    "order_tracking": ["我的快递到哪了", "帮我查一下物流", "{x}的物流怎么查", "物流三天没更新了", "显示签收了但是没收到{x}",
                       "运单号在哪里看", "查一下订单状态", "{x}现在到哪里了", "快递一直显示运输中", "订单号{n}的物流"],
    "payment": ["可以用花呗吗", "支持信用卡分期吗", "付款失败怎么回事", "能货到付款吗", "{x}可以分期吗",
                "微信支付不了", "怎么用支付宝付款", "银行卡扣款了订单却显示未支付", "分期有没有利息", "支付的时候提示限额"],
    "invoice": ["怎么开发票", "{x}能开发票吗", "我要开专票", "发票抬头写错了", "电子发票在哪里下载",
                "发票什么时候发到邮箱", "公司报销需要发票", "补开发票怎么操作", "订单{n}开个发票", "发票可以开个人吗"],
    "coupon": ["优惠券怎么用不了", "两张券能一起用吗", "领的券在哪里", "买{x}可以用券吗", "优惠券过期了能补吗",
               "退货后优惠券还在吗", "满减券怎么用", "新人券怎么领", "{x}为什么不能用优惠券", "店铺券和平台券能叠加吗"],
    "account": ["忘记密码了", "怎么改手机号", "账号登录不上", "怎么注销账户", "收不到验证码",
                "账号被盗了怎么办", "怎么换绑手机", "修改收货地址在哪", "登录提示账号异常", "想换个密码"],
    "warranty": ["{x}保修多久", "{x}坏了能保修吗", "保修需要什么材料", "过了保修期还能修吗", "{x}屏幕坏了怎么修",
                 "家电保修几年", "{x}开不了机了", "保修期内维修收费吗", "在哪里申请维修", "手机半个月就坏了能换新吗"],
    "size_exchange": ["{x}尺码小了能换吗", "想换大一码", "{x}码数不合适", "怎么换尺码", "换个颜色可以吗",
                      "鞋子偏小想换一双", "换货要多久", "想换的码没货了", "{x}太大了换小一号", "尺码换货要运费吗"],
    "oos": ["今天天气怎么样", "给我讲个笑话", "附近有什么好吃的", "你们招聘吗", "帮我写一首诗",
            "明天股票会涨吗", "你是机器人吗", "推荐一部电影", "怎么做红烧肉", "现在几点了"],
}

EN = {
    "return": ["I want to return my {x}", "how do I send back the {x}", "can I return an opened {x}",
               "what is your return policy", "the {x} is not what I ordered, I want to return it"],
    "refund": ["where is my refund", "when will I get my money back for the {x}", "my refund has not arrived yet",
               "how long do refunds take", "I cancelled the order, when is the refund"],
    "shipping_time": ["when will my {x} ship", "how long does delivery take", "my order still hasn't shipped",
                      "can I get the {x} by tomorrow", "how many days to deliver to Beijing"],
    "shipping_cost": ["how much is shipping", "is shipping free", "do I pay delivery for the {x}",
                      "what is the minimum for free shipping", "why was I charged a shipping fee"],
    "order_tracking": ["where is my package", "track my order", "the {x} says delivered but I never got it",
                       "tracking hasn't updated for days", "what is the status of order {n}"],
    "payment": ["can I pay with Alipay", "do you offer instalments on the {x}", "my payment failed",
                "is cash on delivery available", "my card was charged but the order shows unpaid"],
    "invoice": ["I need an invoice", "can I get a VAT invoice for the {x}", "the invoice title is wrong",
                "where do I download the e-invoice", "invoice for order {n} please"],
    "coupon": ["my coupon doesn't work", "can I use two coupons", "does the {x} accept coupons",
               "where are my coupons", "will I get the coupon back if I return it"],
    "account": ["I forgot my password", "how do I change my phone number", "I can't log in",
                "how do I delete my account", "I'm not receiving the verification code"],
    "warranty": ["what is the warranty on the {x}", "my {x} stopped working", "is repair free under warranty",
                 "how do I get the {x} repaired", "the {x} broke after a week, can I get a replacement"],
    "size_exchange": ["the {x} is too small, can I exchange it", "I need a bigger size", "how do I swap sizes",
                      "can I exchange the {x} for a different size", "the size I want is out of stock"],
    "oos": ["what's the weather today", "tell me a joke", "who won the game last night", "write me a poem",
            "what time is it"],
}

OPENERS_ZH = ["", "", "你好，", "请问", "麻烦问下，", "在吗？", "客服，", "您好，", "急！"]
CLOSERS_ZH = ["", "", "？", "呢", "啊", "，谢谢", "。", "？？"]
OPENERS_EN = ["", "", "hi, ", "hello, ", "quick question: ", "excuse me, "]
CLOSERS_EN = ["", ".", ", thanks", "!"]
QUESTION_CLOSERS_EN = ["", "?", "?", "? Thanks"]
QUESTION_WORDS_EN = ("how", "what", "when", "where", "who", "why", "can", "do", "does", "is", "will")
PER_INTENT = {"zh": 25, "en": 10}
PER_OOS = {"zh": 14, "en": 6}


def _render(rng, template, items, openers, closers):
    text = template.replace("{x}", rng.choice(items)).replace("{n}", str(rng.randint(10001, 16000)))
    if openers is OPENERS_EN and text.split()[0] in QUESTION_WORDS_EN:
        closers = QUESTION_CLOSERS_EN
    opener, closer = rng.choice(openers), rng.choice(closers)
    if text[-1] in "？?吗呢么吧" and closer not in ("", "，谢谢", ", thanks", "? Thanks"):
        closer = ""  # no stacked particles such as 吗呢
    text = opener + text + closer
    return text[0].upper() + text[1:]


def build(rng):
    """Return rows (text, intent): unique paraphrases, shuffled."""
    rows = []
    for lang, table, items, openers, closers in (("zh", ZH, ITEMS_ZH, OPENERS_ZH, CLOSERS_ZH),
                                                ("en", EN, ITEMS_EN, OPENERS_EN, CLOSERS_EN)):
        for intent in sorted(table):
            target = (PER_OOS if intent == "oos" else PER_INTENT)[lang]
            templates, seen = table[intent], set()
            slot_items = INTENT_ITEMS.get((lang, intent), items)
            # every template at least once, then random ones until the quota is met
            order = templates + [rng.choice(templates) for _ in range(target * 20)]
            for template in order:
                if len(seen) == target:
                    break
                text = _render(rng, template, slot_items, openers, closers)
                if text not in seen:
                    seen.add(text)
                    rows.append([text, intent])
    rng.shuffle(rows)
    return rows


HEADER = ["text", "intent"]
