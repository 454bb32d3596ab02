"""Customer-service FAQ (faq.csv): question, answer, intent; mostly Chinese, some English.

The answers state one consistent store policy (7-day returns, free shipping over
¥99, 48-hour dispatch...) so retrieval results can be checked by reading them.
"""

ENTRIES = [
    ("return", "怎么申请退货？", "在「我的-订单」中找到该订单，点击「申请售后-退货」，填写原因并上传照片，审核通过后快递员会在1-2天内上门取件。"),
    ("return", "签收后多久内可以退货？", "支持签收后7天无理由退货，商品需保持完好、配件齐全、不影响二次销售。"),
    ("return", "哪些商品不支持无理由退货？", "生鲜食品、已拆封的食品和美妆、定制商品、已激活的手机和电脑不支持7天无理由退货，质量问题除外。"),
    ("return", "退货的运费谁来承担？", "质量问题退货运费由我们承担；无理由退货运费由买家承担，已购买运费险的订单可获赔付，最高12元。"),
    ("refund", "退款多久能到账？", "仓库收到退货后1-3个工作日内审核，审核通过后原路退回：微信和支付宝一般当天到账，银行卡3-7个工作日到账。"),
    ("refund", "订单还没发货，取消后怎么退款？", "未发货的订单可以在订单详情中直接取消，款项会立即原路退回，通常几分钟内到账。"),
    ("refund", "退款金额为什么比实付少？", "如果订单使用了满减或优惠券，退款会按比例扣除该商品分摊的优惠；无理由退货还会扣除已赠送的运费险。"),
    ("shipping_time", "下单后多久发货？", "现货商品付款后48小时内发货；预售商品按商品页标注的时间发货；双11和618大促期间为72小时内发货。"),
    ("shipping_time", "快递一般几天能到？", "江浙沪地区1-2天送达，其他省会城市2-3天，偏远地区（新疆、西藏、青海等）5-7天。"),
    ("shipping_time", "可以指定送货时间吗？", "大家电支持预约送货日期；其他商品暂不支持指定时间，可以在备注中写明，快递员会尽量安排。"),
    ("shipping_cost", "运费怎么收？", "单笔订单满99元包邮，不满99元收取8元运费；偏远地区另加15元。"),
    ("shipping_cost", "大家电需要另付送货费和安装费吗？", "空调、冰箱、洗衣机、电视等大家电免费送货上门，空调和热水器免费标准安装，超出标准的材料费按当地价目收取。"),
    ("shipping_cost", "换货要付运费吗？", "质量问题换货双向运费由我们承担；尺码换货首次免运费，第二次起由买家承担寄回运费。"),
    ("order_tracking", "怎么查看物流信息？", "在「我的-订单」中点击「查看物流」即可看到实时轨迹，发货后也会通过短信发送运单号。"),
    ("order_tracking", "物流好几天没有更新怎么办？", "物流信息超过3天未更新，请联系在线客服，我们会在24小时内向快递公司核实并回复您。"),
    ("order_tracking", "显示已签收但我没收到货？", "请先确认家人、前台或快递柜是否代收；48小时内仍未找到请联系客服，我们将核实并补发或退款。"),
    ("payment", "支持哪些支付方式？", "支持微信支付、支付宝、银联储蓄卡和信用卡、花呗分期，暂不支持货到付款。"),
    ("payment", "可以分期付款吗？", "单笔满600元可使用花呗或信用卡分期，支持3期、6期、12期，手机和电脑类商品享12期免息。"),
    ("payment", "付款失败了怎么办？", "请检查余额和银行卡限额后重新支付；订单会保留30分钟，超时未付款将自动取消。"),
    ("invoice", "怎么开发票？", "下单时勾选「开具发票」并填写抬头即可；签收后30天内也可以在订单详情中补开，电子发票1-3个工作日内发送到您的邮箱。"),
    ("invoice", "可以开增值税专用发票吗？", "可以。企业用户需在「账户-发票管理」中提交营业执照和开户行信息，审核通过后开具，纸质专票5-7个工作日寄出。"),
    ("invoice", "发票抬头填错了能改吗？", "电子发票开具后90天内可以在订单详情中申请换开一次，重新开具后旧发票自动作废。"),
    ("coupon", "优惠券可以叠加使用吗？", "每笔订单可同时使用1张平台券和1张店铺券，同类优惠券不能叠加。"),
    ("coupon", "优惠券为什么用不了？", "请检查是否满足使用门槛、是否在有效期内、商品是否在适用范围内；部分特价商品不参与用券。"),
    ("coupon", "退货后优惠券会退回吗？", "整单退货且优惠券仍在有效期内时，优惠券会自动退回账户；部分退货不退回优惠券。"),
    ("account", "忘记密码怎么办？", "在登录页点击「忘记密码」，通过绑定手机号接收短信验证码即可重置密码。"),
    ("account", "怎么修改绑定的手机号？", "进入「我的-设置-账户与安全-手机号」，验证原手机号后即可更换；原号码已停用请联系客服人工审核。"),
    ("account", "怎么注销账户？", "在「设置-账户与安全-注销账户」中提交申请，有15天冷静期，期间登录即自动撤销申请；注销后订单和积分无法恢复。"),
    ("warranty", "电子产品保修多久？", "手机、电脑、平板、耳机等电子产品享受1年全国联保；手机签收后15天内出现性能故障可直接换新。"),
    ("warranty", "家电的保修期是多久？", "家电整机保修1年，空调和冰箱的压缩机、洗衣机电机保修10年，保修需提供发票或订单号。"),
    ("warranty", "保修期内维修要收费吗？", "保修期内非人为损坏免费维修，寄修的往返运费由我们承担；人为损坏或进水按官方价格收费。"),
    ("size_exchange", "衣服尺码不合适可以换吗？", "服饰鞋靴签收后15天内可以免费换一次尺码，在订单中申请「换货」并选择新尺码，快递员上门取件。"),
    ("size_exchange", "换尺码需要多长时间？", "仓库收到寄回商品后24小时内发出新尺码，整个换货流程一般3-5天完成。"),
    ("size_exchange", "想换的尺码没货了怎么办？", "如果目标尺码缺货，可以改为换其他颜色，或者直接办理退货退款，运费由我们承担。"),
    ("return", "How do I return an item?", "Go to My Orders, choose the order and tap Return. Returns are accepted within 7 days of delivery; a courier picks the parcel up within 1-2 days."),
    ("refund", "When will I get my refund?", "Refunds are reviewed within 1-3 business days after the warehouse receives the return. WeChat Pay and Alipay refunds arrive the same day; bank cards take 3-7 business days."),
    ("shipping_time", "How long does delivery take?", "In-stock items ship within 48 hours of payment. Delivery takes 1-2 days in Jiangsu, Zhejiang and Shanghai, 2-3 days to other provincial capitals and 5-7 days to remote regions."),
    ("shipping_cost", "How much is shipping?", "Shipping is free on orders of ¥99 or more; smaller orders pay ¥8. Remote regions add ¥15."),
    ("order_tracking", "How can I track my order?", "Open My Orders and tap Track Package to see live updates. You also receive the tracking number by SMS once the order ships."),
    ("payment", "What payment methods do you accept?", "WeChat Pay, Alipay, UnionPay debit and credit cards and Huabei instalments. Cash on delivery is not available."),
    ("invoice", "Can I get an invoice?", "Yes. Tick Invoice at checkout or request one in the order details within 30 days of delivery; e-invoices are emailed within 1-3 business days."),
    ("coupon", "Can I use more than one coupon?", "Each order can use one platform coupon and one store coupon together; two coupons of the same type cannot be combined."),
    ("account", "I forgot my password.", "Tap Forgot Password on the sign-in page and reset it with the SMS code sent to your registered phone number."),
    ("warranty", "What warranty do electronics have?", "Phones, laptops, tablets and earbuds carry a 1-year nationwide warranty, and phones with a defect within 15 days of delivery are replaced with a new unit."),
    ("size_exchange", "Can I exchange clothes for a different size?", "Yes. Clothing and shoes can be exchanged for another size once for free within 15 days of delivery; request an exchange in the order and a courier collects the item."),
]

HEADER = ["question", "answer", "intent"]


def rows():
    for intent, question, answer in ENTRIES:
        yield [question, answer, intent]
