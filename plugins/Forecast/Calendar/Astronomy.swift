import Foundation

/// The two astronomical events the Chinese calendar is built on: new moons and
/// the sun's apparent longitude (solar terms), after Meeus, *Astronomical
/// Algorithms* (2nd ed.), chapters 25 and 49. Times are Julian Ephemeris Days;
/// ``beijingDay(_:)`` turns one into a civil day number at UTC+8.
enum Astronomy {
    /// Julian Ephemeris Day of the new moon with lunation number `k` (k = 0: 2000-01-06).
    static func newMoon(_ k: Double) -> Double {
        let t = k / 1236.85, t2 = t * t, t3 = t2 * t, t4 = t3 * t
        var jde = 2_451_550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4
        let e = 1 - 0.002516 * t - 0.0000074 * t2
        let m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3)
        let mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4)
        let f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4)
        let om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3)
        var c = -0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f)
        c += 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m)
        c += -0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
        c += -0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
        c += -0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m)
        c += 0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f)
        c += 0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f)
        c += -0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp)
        jde += c
        // planetary arguments
        let a: [(Double, Double, Double)] = [
            (299.77, 0.107408, 0.000325), (251.88, 0.016321, 0.000165), (251.83, 26.651886, 0.000164),
            (349.42, 36.412478, 0.000126), (84.66, 18.206239, 0.000110), (141.74, 53.303771, 0.000062),
            (207.14, 2.453732, 0.000060), (154.84, 7.306860, 0.000056), (34.52, 27.261239, 0.000047),
            (207.19, 0.121824, 0.000042), (291.34, 1.844379, 0.000040), (161.72, 24.198154, 0.000037),
            (239.56, 25.513099, 0.000035), (331.55, 3.592518, 0.000023),
        ]
        for (i, (base, rate, amplitude)) in a.enumerated() {
            let angle = base + rate * k - (i == 0 ? 0.009173 * t2 : 0)
            jde += amplitude * sin(rad(angle))
        }
        return jde
    }

    /// Apparent geocentric longitude of the sun in degrees [0, 360) at a Julian Ephemeris Day
    /// (Meeus ch. 25 with the larger periodic terms of the equation of centre; about 0.01°).
    static func solarLongitude(_ jde: Double) -> Double {
        let t = (jde - 2_451_545.0) / 36525
        let l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
        let m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t)
        let c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) + (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000289 * sin(3 * m)
        let omega = rad(125.04 - 1934.136 * t)
        let lambda = l0 + c - 0.00569 - 0.00478 * sin(omega)
        return normalized(lambda)
    }

    /// Julian Ephemeris Day when the sun's apparent longitude reaches `degrees`, near `guess`.
    static func solarTerm(degrees: Double, near guess: Double) -> Double {
        var jde = guess
        for _ in 0..<8 {
            var delta = degrees - solarLongitude(jde)
            delta -= 360 * (delta / 360).rounded()
            jde += delta * 365.2422 / 360
            if abs(delta) < 1e-7 { break }
        }
        return jde
    }

    /// ΔT = TT − UT in seconds (Espenak–Meeus polynomials for 1986–2150).
    static func deltaT(year: Double) -> Double {
        if year < 2005 {
            let t = year - 2000
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t
        }
        if year < 2050 {
            let t = year - 2000
            return 62.92 + 0.32217 * t + 0.005589 * t * t
        }
        let u = (year - 1820) / 100
        return -20 + 32 * u * u - 0.5628 * (2150 - year)
    }

    /// Civil day number (days since 1970-01-01) in Beijing time (UTC+8) of a Julian Ephemeris Day.
    static func beijingDay(_ jde: Double) -> Int64 {
        let year = 2000 + (jde - 2_451_545.0) / 365.25
        let ut = jde - deltaT(year: year) / 86400
        return Int64((ut + 8.0 / 24 - 2_440_587.5).rounded(.down))
    }

    /// Julian Day of 00:00 UT on a civil day number.
    static func julianDay(ofDay day: Int64) -> Double { Double(day) + 2_440_587.5 }

    private static func rad(_ degrees: Double) -> Double { normalized(degrees) * .pi / 180 }
    private static func normalized(_ degrees: Double) -> Double {
        let r = degrees.truncatingRemainder(dividingBy: 360)
        return r < 0 ? r + 360 : r
    }
}
